package io.flowgate.gateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real gateway as a child process: {@code gateway/target/flowgate.jar} (built by the package phase, before
 * failsafe runs) on its own port and data directory, configured by {@code FLOWGATE_*} variables as an operator would.
 * What an in-process server cannot show: {@link #kill()} is {@code kill -9} (nothing of the JVM runs any more),
 * {@link #terminate} is {@code SIGTERM} (shutdown hooks run), and {@link #start()} starts it again on the same
 * data and port. Every run appends to one log file.
 */
public final class GatewayProcess implements AutoCloseable {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Duration STARTUP = Duration.ofSeconds(180);

    private final Path dataDir;
    private final Path log;
    private final int port;
    private final Map<String, String> env;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;

    private GatewayProcess(Path dataDir, Path log, int port, Map<String, String> env) {
        this.dataDir = dataDir;
        this.log = log;
        this.port = port;
        this.env = env;
    }

    /**
     * A gateway on a new data directory and a free port, not started yet. {@code env} adds to (or overrides) what
     * every child gets: its port and data directory, and the payment sandbox calling back this gateway's
     * {@code /payment-callbacks} signed with a fresh secret, as {@code ./run} sets it. A caller that must know the
     * port before (e.g. for a provider calling back) passes {@code FLOWGATE_PORT} from {@link #freePort()}.
     * Typical use: {@code try (GatewayProcess g = GatewayProcess.create("x", Map.of()).start()) { … g.kill();
     * g.start(); … }}.
     */
    public static GatewayProcess create(String name, Map<String, String> env) {
        try {
            Path dataDir = Files.createTempDirectory("flowgate-" + name);
            Path logs = Files.createDirectories(MODULE.resolve("target/gateway-processes"));
            Map<String, String> all = new HashMap<>();
            all.put("FLOWGATE_PORT", Integer.toString(freePort()));
            all.put("FLOWGATE_DATA_DIR", dataDir.toString());
            all.put("FLOWGATE_PAYMENTS_WEBHOOK_SECRET", "whsec_" + java.util.Base64.getEncoder()
                    .encodeToString(new java.security.SecureRandom().generateSeed(32)));
            all.putAll(env);
            int port = Integer.parseInt(all.get("FLOWGATE_PORT"));
            all.put("FLOWGATE_PAYMENTS_SANDBOX_WEBHOOK_URL", all.getOrDefault("FLOWGATE_PAYMENTS_SANDBOX_WEBHOOK_URL",
                    "http://127.0.0.1:" + port + "/payment-callbacks"));
            return new GatewayProcess(dataDir, logs.resolve(name + ".log"), port, Map.copyOf(all));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the jar (again, on the same data) and waits until {@code /health} answers 200. */
    public GatewayProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        // -Dflowgate.jar=… runs another build (e.g. to compare before and after a change)
        Path jar = Path.of(System.getProperty("flowgate.jar", MODULE.resolve("target/flowgate.jar").toString()));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the package phase builds it before the ITs run");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx768m", "-XX:+UseG1GC", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            Files.writeString(log, "%n==== start %d ====%n".formatted(++starts),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + jar, e);
        }
        awaitHealthy();
        return this;
    }

    /** {@code kill -9}: the process ends at once, in the middle of whatever it was doing. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** {@code SIGTERM}: the JVM runs its shutdown hooks; the exit code, or an error if it has not ended in time. */
    public int terminate(Duration patience) {
        process.destroy();
        return awaitExit(patience);
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path log() {
        return log;
    }

    public Map<String, String> env() {
        return env;
    }

    private int awaitExit(Duration patience) {
        try {
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the gateway had not exited " + patience + " after the signal; see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the gateway exited with " + process.exitValue() + " while starting; see " + log);
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(uri("/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new AssertionError("the gateway did not answer /health within " + STARTUP + "; see " + log);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(30));
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A port nobody listens on now: for a child whose port must be known before it is created. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
