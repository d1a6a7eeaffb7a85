package io.flowgate.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real gateway on a random port with its own H2 file database, driven over HTTP. {@link #restart()} stops it
 * and starts a new one on the same data directory. Requests carry the first admin's token unless a test sends its
 * own {@code Authorization} header ({@link #as}) or none ({@link #anonymous}).
 */
public final class GatewayServer implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    /** Password of every user made by {@link #createUser}. */
    public static final String USER_PASSWORD = "user-password-for-tests";
    private static final String NO_TOKEN = "";

    private final Path dataDir;
    private final Map<String, Object> extra;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private EmbeddedServer server;
    private String adminToken;
    private String token;

    private GatewayServer(Path dataDir, Map<String, Object> extra) {
        this.dataDir = dataDir;
        this.extra = extra;
        boot();
    }

    /** A fresh gateway with the restaurant example loaded. */
    public static GatewayServer start(Map<String, Object> properties) {
        try {
            return new GatewayServer(Files.createTempDirectory("flowgate-it"), properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GatewayServer start() {
        return start(Map.of());
    }

    private void boot() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("flowgate.data-dir", dataDir.toString());
        properties.put("flowgate.auth.admin-password", ADMIN_PASSWORD); // a test's own properties may override
        properties.put("flowgate.auth.bcrypt-cost", 10);
        properties.put("flowgate.login-rate-limit", 10_000);
        properties.put("flowgate.login-user-rate-limit", 10_000);
        properties.putAll(extra);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    public void restart() {
        server.close();
        boot();
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    @Override
    public void close() {
        server.close();
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public Reply postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    public Reply post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply publishContract(String resource) {
        return post("/admin/contracts", "application/yaml", resource(resource));
    }

    public Reply deployFlow(String resource) {
        String file = resource.substring(resource.lastIndexOf('/') + 1);
        return post("/admin/flows?file=" + file, "application/xml", resource(resource));
    }

    /** Polls the status resource until the instance has ended or the deadline passes. */
    public JsonNode awaitEnded(String instanceId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode status = get("/instances/" + instanceId).json();
        while (System.nanoTime() < deadline && !status.path("endedAt").isTextual()) {
            Thread.sleep(50);
            status = get("/instances/" + instanceId).json();
        }
        return status;
    }

    public static String resource(String name) {
        String path = name.startsWith("/") ? name : "/io/flowgate/gateway/" + name;
        try (InputStream in = GatewayServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + server.getPort() + path);
    }

    /** The first admin's token (a platform admin: role admin, no tenant). */
    public String adminToken() {
        if (adminToken == null) {
            adminToken = login("admin", configuredAdminPassword());
        }
        return adminToken;
    }

    private String configuredAdminPassword() {
        return String.valueOf(extra.getOrDefault("flowgate.auth.admin-password", ADMIN_PASSWORD));
    }

    public String login(String username, String password) {
        Reply reply = sendWith(NO_TOKEN, HttpRequest.newBuilder(uri("/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                        + password + "\"}")));
        if (reply.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + reply);
        }
        return reply.json().path("access_token").asText();
    }

    /** Creates a user (as the admin) and returns a token for it. */
    public String createUser(String username, String tenant, String... roles) {
        String json = "{\"username\":\"" + username + "\",\"password\":\"" + USER_PASSWORD + "\",\"roles\":"
                + JSON.valueToTree(java.util.List.of(roles)) + (tenant == null ? "" : ",\"tenant\":\"" + tenant + "\"")
                + "}";
        Reply reply = postJson("/admin/users", json);
        if (reply.status() != 201) {
            throw new AssertionError("cannot create user " + username + ": " + reply);
        }
        return login(username, USER_PASSWORD);
    }

    /** The same server, sending {@code token} instead of the admin's. */
    public GatewayServer as(String token) {
        GatewayServer view = new GatewayServer(this);
        view.token = token;
        return view;
    }

    /** The same server, sending no credentials. */
    public GatewayServer anonymous() {
        return as(NO_TOKEN);
    }

    private GatewayServer(GatewayServer shared) {
        this.dataDir = shared.dataDir;
        this.extra = shared.extra;
        this.server = shared.server;
        this.adminToken = shared.configuredAdminPassword().isEmpty() ? null : shared.adminToken();
    }

    public Reply send(HttpRequest.Builder request) {
        String bearer = token != null ? token : configuredAdminPassword().isEmpty() ? NO_TOKEN : adminToken();
        return sendWith(bearer, request);
    }

    private Reply sendWith(String bearer, HttpRequest.Builder request) {
        if (!bearer.isEmpty() && request.build().headers().firstValue("Authorization").isEmpty()) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer. */
    public record Reply(int status, Map<String, java.util.List<String>> headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
