package io.flowgate.gateway.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.gateway.testsupport.GatewayProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A started gateway child process ({@link GatewayProcess}) with what the recovery tests ask of it: an admin and
 * users, logins, JSON over HTTP, and the node id it logged at start-up.
 */
final class RunningGateway implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADMIN_PASSWORD = "recovery-admin-password";
    static final String USER_PASSWORD = "recovery-user-password";

    private final GatewayProcess process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningGateway(GatewayProcess process) {
        this.process = process;
    }

    /** Starts the jar with {@code environment} (on top of the admin password) and waits for {@code /health}. */
    static RunningGateway start(String name, Map<String, String> environment) {
        Map<String, String> env = new HashMap<>();
        env.put("FLOWGATE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("FLOWGATE_BCRYPT_COST", "10");
        env.put("FLOWGATE_LOGIN_RATE_LIMIT", "10000");
        env.put("FLOWGATE_LOGIN_USER_RATE_LIMIT", "10000");
        env.putAll(environment);
        return new RunningGateway(GatewayProcess.create(name, env).start());
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed, no lock is released. */
    void kill() {
        process.kill();
    }

    /** The node id the gateway logged at its latest start ("This node is …"). */
    Optional<String> nodeId() throws IOException {
        Optional<String> id = Optional.empty();
        for (String line : Files.readAllLines(process.log())) {
            int at = line.indexOf("This node is ");
            if (at >= 0) {
                String rest = line.substring(at + "This node is ".length());
                id = Optional.of(rest.substring(0, rest.indexOf(':')));
            }
        }
        return id;
    }

    String log() throws IOException {
        return Files.readString(process.log());
    }

    String login(String username, String password) {
        Reply reply = send(null, HttpRequest.newBuilder(process.uri("/auth/token"))
                .header("Content-Type", "application/json")
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
        return send(token, HttpRequest.newBuilder(process.uri(path)).GET());
    }

    Reply post(String path, String token, String contentType, String body) {
        return send(token, HttpRequest.newBuilder(process.uri(path)).header("Content-Type", contentType)
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

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the process if it still runs (SIGTERM; killed if it has not ended within 20 s). */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                process.terminate(Duration.ofSeconds(20));
            } catch (AssertionError tooSlow) {
                // terminate killed it after the patience ran out: stopped all the same
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
