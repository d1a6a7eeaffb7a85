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
 * and starts a new one on the same data directory.
 */
public final class GatewayServer implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDir;
    private final Map<String, Object> extra;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private EmbeddedServer server;

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

    private URI uri(String path) {
        return URI.create("http://localhost:" + server.getPort() + path);
    }

    public Reply send(HttpRequest.Builder request) {
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
