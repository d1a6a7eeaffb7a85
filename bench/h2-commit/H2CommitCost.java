import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a commit costs on an H2 file database with WRITE_DELAY=0 (Flowgate's default: the commit is written to the
 * file before it returns) against H2's own 500 ms (written later by a background thread; kill -9 loses it).
 * Each commit inserts {@code rows} rows of ~400 bytes, about what an asynchronous flow start writes (instance,
 * history, variables, job). Run by run.sh: {@code java -cp h2.jar H2CommitCost.java [seconds]}.
 */
public class H2CommitCost {

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.println("| WRITE_DELAY | rows per commit | threads | commits/s | µs per commit (mean, per thread) |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (int rows : new int[] {1, 12}) {
            for (int threads : new int[] {1, 8}) {
                for (int delay : new int[] {500, 0}) {
                    double rate = run(delay, rows, threads, seconds);
                    System.out.printf("| %d | %d | %d | %,.0f | %,.0f |%n", delay, rows, threads, rate,
                            threads * 1_000_000 / rate);
                }
            }
        }
    }

    private static double run(int writeDelay, int rows, int threads, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("h2-commit");
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=" + writeDelay;
        try (Connection setup = DriverManager.getConnection(url, "sa", "");
             Statement s = setup.createStatement()) {
            s.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, k VARCHAR(64), v VARCHAR(400))");
            s.execute("CREATE INDEX t_k ON t (k)");
            AtomicLong ids = new AtomicLong();
            AtomicLong commits = new AtomicLong();
            String payload = "x".repeat(380);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long warmUpEnd = System.nanoTime() + 1_000_000_000L;
            long end = warmUpEnd + seconds * 1_000_000_000L;
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    try (Connection c = DriverManager.getConnection(url, "sa", "");
                         PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?)")) {
                        c.setAutoCommit(false);
                        while (System.nanoTime() < end) {
                            for (int r = 0; r < rows; r++) {
                                long id = ids.incrementAndGet();
                                insert.setLong(1, id);
                                insert.setString(2, "key-" + id);
                                insert.setString(3, payload);
                                insert.executeUpdate();
                            }
                            c.commit();
                            if (System.nanoTime() > warmUpEnd) {
                                commits.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
            pool.shutdown();
            s.execute("SHUTDOWN");
            return commits.get() / (double) seconds;
        }
    }
}
