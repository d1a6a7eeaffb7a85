package io.flowgate.gateway.crash;

import io.flowgate.gateway.crash.OrderLoad.Sent;
import io.flowgate.gateway.testsupport.GatewayProcess;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One crash, start to end: the gateway jar as a child process on a fresh database, customers placing orders at
 * full speed, the process stopped at a point chosen by the seed ({@code kill -9} or {@code SIGTERM}), started again
 * on the same data, every order with an Idempotency-Key sent again, a bounded wait for every order instance to end,
 * a clean stop, and the database read. The invariants are checked by {@link CrashSuite} on the {@link Outcome}.
 */
final class CrashRun {

    /** How the process is stopped. */
    enum Stop {
        /** {@code kill -9}. */
        KILL,
        /** {@code SIGTERM}: shutdown hooks run. */
        TERM
    }

    /** Where the gateway keeps its data: the embedded H2 file, or a PostgreSQL database given by URL. */
    record Database(String jdbcUrl, String user, String password) {

        static Database h2() {
            return new Database(null, "sa", "");
        }

        boolean embedded() {
            return jdbcUrl == null;
        }
    }

    /** Everything the invariants look at. */
    record Outcome(long seed, Stop stop, Duration crashAfter, List<Sent> sent, Map<Integer, Answer> retries,
                   long unendedAfterWait, Duration waited, Books books, String log) {

        Sent sent(int no) {
            return sent.stream().filter(s -> s.call().no() == no).findFirst().orElseThrow();
        }
    }

    static final int CUSTOMERS = 4;
    private static final String ENV_PROPERTY = "crash.env.";
    private static final Duration PAYMENTS_READ_TIMEOUT = Duration.ofSeconds(2);
    private static final int CLIENT_THREADS = 24;
    private static final int MAX_ORDERS = 480;
    private static final int MIN_ANSWERS_BEFORE_CRASH = 60;
    private static final int MAX_ANSWERS_BEFORE_CRASH = 240;
    /** After the restart: every order instance should have ended within this (the slowest, timeout-once, ~15 s). */
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final Duration KEY_IN_USE_PATIENCE = Duration.ofSeconds(20);

    private final String name;
    private final Database database;
    private final Stop stop;
    private final long seed;
    private boolean settle = true;
    private int asyncPercent = 40;

    CrashRun(String name, Database database, Stop stop, long seed) {
        this.name = name;
        this.database = database;
        this.stop = stop;
        this.seed = seed;
    }

    /** Stops right after the restart: no retries, no waiting for the orders to end (enough to see what was kept). */
    CrashRun withoutSettling() {
        settle = false;
        return this;
    }

    /** The share of orders sent to the asynchronous operation (default 40 %). */
    CrashRun asyncPercent(int percent) {
        asyncPercent = percent;
        return this;
    }

    /** The seed of {@code -Dcrash.seed}, else a random one; printed, so a failing run can be replayed. */
    static long seed(String suite) {
        String given = System.getProperty("crash.seed");
        long seed = given == null || given.isBlank() ? new Random().nextLong() : Long.parseLong(given);
        System.out.printf("%s: crash seed %d (replay with -Dcrash.seed=%d)%n", suite, seed, seed);
        return seed;
    }

    Outcome run() throws Exception {
        int port = GatewayProcess.freePort();
        try (CrashProvider provider = new CrashProvider(name, URI.create("http://127.0.0.1:" + port
                + "/payment-callbacks"), PAYMENTS_READ_TIMEOUT);
             GatewayProcess gateway = GatewayProcess.create(name, env(port, provider))) {
            gateway.start();
            CrashClient client = new CrashClient(gateway);
            client.setUp(CUSTOMERS);
            // the crash point: after a seeded number of answered orders (a point in the load, whatever the machine's
            // speed), plus a seeded fraction of a second so it does not fall right after an answer
            Random point = new Random(seed);
            int crashAtAnswer = MIN_ANSWERS_BEFORE_CRASH + point.nextInt(MAX_ANSWERS_BEFORE_CRASH - MIN_ANSWERS_BEFORE_CRASH);
            OrderLoad load = new OrderLoad(client, seed, CUSTOMERS, MAX_ORDERS, asyncPercent);
            long loadStarted = System.nanoTime();
            load.start(CLIENT_THREADS);
            load.awaitAnswers(crashAtAnswer, Duration.ofSeconds(120));
            Thread.sleep(point.nextInt(500));
            Duration crashAfter = Duration.ofNanos(System.nanoTime() - loadStarted);
            int beforeSignal = load.sentSoFar();
            load.stopSending();
            if (stop == Stop.KILL) {
                gateway.kill();
            } else {
                gateway.terminate(Duration.ofSeconds(90));
            }
            List<Sent> sent = load.finish(Duration.ofSeconds(60));
            System.out.printf("%s: %s after %d ms, %d orders answered before the signal, %d sent in all; first "
                    + "answers by status (0 = none) %s%n", name, stop, crashAfter.toMillis(), beforeSignal, sent.size(),
                    byStatus(sent));
            gateway.start();
            Map<Integer, Answer> retries = settle ? retryKeys(client, sent) : Map.of();
            long began = System.nanoTime();
            long unended = settle ? awaitEnded(client) : -1;
            Duration waited = Duration.ofNanos(System.nanoTime() - began);
            gateway.terminate(Duration.ofSeconds(90));
            Books books = database.embedded()
                    ? Books.read("jdbc:h2:file:" + gateway.dataDir().resolve("flowgate"), "sa", "", provider.books())
                    : Books.read(database.jdbcUrl(), database.user(), database.password(), provider.books());
            return new Outcome(seed, stop, crashAfter, sent, retries, unended, waited, books, gateway.log().toString());
        }
    }

    private Map<String, String> env(int port, CrashProvider provider) {
        Map<String, String> env = new HashMap<>(provider.gatewayEnv());
        env.put("FLOWGATE_PORT", Integer.toString(port));
        env.put("FLOWGATE_ADMIN_PASSWORD", CrashClient.ADMIN_PASSWORD);
        env.put("FLOWGATE_BCRYPT_COST", "10");
        env.put("FLOWGATE_LOGIN_RATE_LIMIT", "1000");
        env.put("FLOWGATE_LOGIN_USER_RATE_LIMIT", "1000");
        env.put("FLOWGATE_JWT_SECRET", "crash-suite-secret-" + "0123456789abcdef0123456789abcdef");
        // timeout-once loses its first answer after this and is retried 10 s later (the flow's retry cycle)
        env.put("FLOWGATE_PAYMENTS_READ_TIMEOUT", PAYMENTS_READ_TIMEOUT.toMillis() + "ms");
        if (!database.embedded()) {
            env.put("FLOWGATE_DB_URL", database.jdbcUrl());
            env.put("FLOWGATE_DB_USER", database.user());
            env.put("FLOWGATE_DB_PASSWORD", database.password());
        }
        // -Dcrash.env.FLOWGATE_X=v runs the gateway with another setting, e.g. FLOWGATE_H2_CRASH_LOSS_WINDOW=500ms
        // shows what the default protects against
        System.getProperties().stringPropertyNames().stream().filter(p -> p.startsWith(ENV_PROPERTY))
                .forEach(p -> env.put(p.substring(ENV_PROPERTY.length()), System.getProperty(p)));
        return env;
    }

    /**
     * Every order that had an Idempotency-Key is sent again with the same key and body, as a client that lost the
     * connection (or only wants to be sure) does; a {@code 409 idempotency-key-in-use} is retried after a second,
     * for a bounded time, as its {@code Retry-After} asks.
     */
    private static Map<Integer, Answer> retryKeys(CrashClient client, List<Sent> sent) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Map<Integer, Future<Answer>> pending = new HashMap<>();
            for (Sent s : sent) {
                if (s.call().key() != null) {
                    pending.put(s.call().no(), pool.submit(() -> retry(client, s.call())));
                }
            }
            Map<Integer, Answer> answers = new HashMap<>();
            for (Map.Entry<Integer, Future<Answer>> entry : pending.entrySet()) {
                answers.put(entry.getKey(), entry.getValue().get(2, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Answer retry(CrashClient client, OrderCall call) throws InterruptedException {
        long deadline = System.nanoTime() + KEY_IN_USE_PATIENCE.toNanos();
        Answer answer = client.place(call);
        while (answer.keyInUse() && System.nanoTime() < deadline) {
            Thread.sleep(1_000); // the gateway's Retry-After
            answer = client.place(call);
        }
        return answer;
    }

    /** Polls until no order instance runs, waits or sits on an incident; how many still do when the time is up. */
    private static long awaitEnded(CrashClient client) throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        long unended = unended(client);
        while (unended > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            unended = unended(client);
        }
        return unended;
    }

    private static long unended(CrashClient client) throws Exception {
        long total = 0;
        for (String state : List.of("STARTING", "RUNNING", "WAITING", "INCIDENT")) {
            total += client.instancesIn(state);
        }
        return total;
    }

    private static Map<Integer, Integer> byStatus(List<Sent> sent) {
        Map<Integer, Integer> counts = new java.util.TreeMap<>();
        sent.forEach(s -> counts.merge(s.answer().status(), 1, Integer::sum));
        return counts;
    }

    static List<String> firstLines(List<String> lines, int max) {
        List<String> shown = new ArrayList<>(lines.subList(0, Math.min(max, lines.size())));
        if (lines.size() > max) {
            shown.add("… and " + (lines.size() - max) + " more");
        }
        return shown;
    }
}
