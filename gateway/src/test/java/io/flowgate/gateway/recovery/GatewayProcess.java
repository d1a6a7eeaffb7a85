package io.flowgate.gateway.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real gateway as a child process: the jar this module's package phase built ({@code target/flowgate.jar}, as
 * {@code ConsoleInBrowserIT} runs it), started with the environment a test gives it, so that it can be killed as an
 * operating system kills a process ({@link #kill}: {@code kill -9}). Its output goes to
 * {@code target/recovery-it/<name>.log}.
 */
final class GatewayProcess implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADMIN_PASSWORD = "recovery-admin-password";
    static final String USER_PASSWORD = "recovery-user-password";
    private static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path OUT = MODULE.resolve("target/recovery-it");

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private GatewayProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar with {@code environment} (on top of a free port and the admin password) and waits for it. */
    static GatewayProcess start(String name, Map<String, String> environment) throws Exception {
        Path jar = MODULE.resolve("target/flowgate.jar");
        assertThat(jar).as("the gateway jar (package phase)").exists();
        Files.createDirectories(OUT);
        Path log = OUT.resolve(name + ".log");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("FLOWGATE_PORT", Integer.toString(port));
        env.put("FLOWGATE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("FLOWGATE_BCRYPT_COST", "10");
        env.put("FLOWGATE_LOGIN_RATE_LIMIT", "10000");
        env.put("FLOWGATE_LOGIN_USER_RATE_LIMIT", "10000");
        env.putAll(environment);
        GatewayProcess gateway = new GatewayProcess(name, builder.start(), port, log);
        gateway.awaitHealthy(Duration.ofSeconds(180));
        return gateway;
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("gateway " + name + " exited; see " + log).isTrue();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("gateway " + name + " did not answer /health within " + timeout + "; see " + log);
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed, no lock is released. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("gateway " + name + " died").isTrue();
    }

    /** The node id the gateway logged at start-up ("This node is …"). */
    Optional<String> nodeId() throws IOException {
        for (String line : Files.readAllLines(log)) {
            int at = line.indexOf("This node is ");
            if (at >= 0) {
                String rest = line.substring(at + "This node is ".length());
                return Optional.of(rest.substring(0, rest.indexOf(':')));
            }
        }
        return Optional.empty();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    String name() {
        return name;
    }

    String login(String username, String password) {
        Reply reply = send(null, HttpRequest.newBuilder(uri("/auth/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                        + password + "\"}")));
        assertThat(reply.status()).as("login of " + username + ": " + reply).isEqualTo(200);
        return reply.json().path("access_token").asText();
    }

    String adminToken() {
        return login("admin", ADMIN_PASSWORD);
    }

    /** Creates a user of {@code tenant} with {@code roles} (as the admin) and returns a token for it. */
    String createUser(String username, String tenant, String... roles) {
        Map<String, Object> user = new HashMap<>(Map.of("username", username, "password", USER_PASSWORD,
                "roles", List.of(roles), "tenant", tenant));
        Reply reply = post("/admin/users", adminToken(), "application/json", json(user));
        assertThat(reply.status()).as("user " + username + ": " + reply).isEqualTo(201);
        return login(username, USER_PASSWORD);
    }

    Reply get(String path, String token) {
        return send(token, HttpRequest.newBuilder(uri(path)).GET());
    }

    Reply post(String path, String token, String contentType, String body) {
        return send(token, HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Reply send(String token, HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the process if it still runs (SIGTERM, then kill after 20 s). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** An HTTP answer. */
    record Reply(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
