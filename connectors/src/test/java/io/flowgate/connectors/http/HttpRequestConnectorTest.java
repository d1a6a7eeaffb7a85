package io.flowgate.connectors.http;

import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.ConnectorRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.OutputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** http.request against a JDK server on 127.0.0.1 (allowed only because the tests switch private networks on). */
class HttpRequestConnectorTest {

    private LocalServer server;

    @BeforeEach
    void start() throws Exception {
        server = new LocalServer()
                .on("/json", x -> LocalServer.reply(x, 200, "application/json; charset=utf-8",
                        "{\"id\":7,\"tags\":[\"a\"]}"))
                .on("/text", x -> LocalServer.reply(x, 200, "text/plain", "hello"))
                .on("/missing", x -> LocalServer.reply(x, 404, "application/problem+json",
                        "{\"title\":\"Not Found\"}"))
                .on("/broken", x -> LocalServer.reply(x, 503, "text/plain", "down"))
                .on("/slow", x -> {
                    Thread.sleep(3000);
                    LocalServer.reply(x, 200, "text/plain", "late");
                })
                .on("/big", x -> LocalServer.reply(x, 200, "text/plain", "x".repeat(4096)))
                .on("/big-chunked", x -> {
                    x.sendResponseHeaders(200, 0); // no Content-Length: the cap must hold while reading
                    try (OutputStream out = x.getResponseBody()) {
                        for (int i = 0; i < 64; i++) {
                            out.write("y".repeat(1024).getBytes());
                        }
                    }
                })
                .on("/redirect", x -> {
                    x.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
                    LocalServer.reply(x, 302, null, "");
                })
                .on("/echo", x -> LocalServer.reply(x, 201, "application/json", "{\"created\":true}"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static HttpRequestConnector connector(boolean allowPrivate, String... hosts) {
        HttpSettings settings = new HttpSettings();
        settings.setAllowedHosts(List.of(hosts));
        settings.setAllowPrivateNetworks(allowPrivate);
        settings.setMaxResponseSize(2048);
        return new HttpRequestConnector(settings);
    }

    private static ConnectorRequest request(Map<String, Object> inputs) {
        return new ConnectorRequest("inst-1", "callApi", null, null, new HashMap<>(inputs));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> headers(Map<String, Object> outputs) {
        return (Map<String, Object>) outputs.get("headers");
    }

    @Test
    void callsAnAllowListedHostWhenPrivateNetworksAreAllowedAndParsesJson() {
        Map<String, Object> out = connector(true, "127.0.0.1").execute(request(Map.of("url", server.url("/json"))));

        assertThat(out).containsEntry("status", 200).containsEntry("ok", true);
        assertThat(out.get("body")).isEqualTo(Map.of("id", 7, "tags", List.of("a")));
        assertThat(headers(out)).containsKey("content-type");
        assertThat(server.received).hasSize(1);
    }

    @Test
    void returnsTextWhenTheAnswerIsNotJson() {
        Map<String, Object> out = connector(true, "127.0.0.1").execute(request(Map.of("url", server.url("/text"))));

        assertThat(out.get("body")).isEqualTo("hello");
    }

    @Test
    void returnsClientAndServerErrorsInsteadOfThrowing() {
        HttpRequestConnector http = connector(true, "127.0.0.1");

        Map<String, Object> notFound = http.execute(request(Map.of("url", server.url("/missing"))));
        Map<String, Object> down = http.execute(request(Map.of("url", server.url("/broken"))));

        assertThat(notFound).containsEntry("status", 404).containsEntry("ok", false)
                .containsEntry("body", Map.of("title", "Not Found"));
        assertThat(down).containsEntry("status", 503).containsEntry("ok", false).containsEntry("body", "down");
    }

    @Test
    void refusesAHostThatIsNotOnTheAllowList() {
        assertThatThrownBy(() -> connector(true, "api.example.com")
                .execute(request(Map.of("url", server.url("/json")))))
                .isInstanceOfSatisfying(ConnectorBusinessError.class,
                        e -> assertThat(e.code()).isEqualTo(HttpErrors.HTTP_REFUSED))
                .hasMessageContaining("'127.0.0.1'").hasMessageContaining("FLOWGATE_HTTP_ALLOWED_HOSTS");
        assertThat(server.received).isEmpty();
    }

    @Test
    void refusesEverythingWhenTheAllowListIsEmpty() {
        assertThatThrownBy(() -> connector(true).execute(request(Map.of("url", server.url("/json")))))
                .hasMessageContaining("empty: no host may be called");
    }

    @Test
    void refusesTheLocalServerWhenPrivateNetworksAreNotAllowedEvenIfAllowListed() {
        assertThatThrownBy(() -> connector(false, "127.0.0.1")
                .execute(request(Map.of("url", server.url("/json")))))
                .isInstanceOfSatisfying(ConnectorBusinessError.class,
                        e -> assertThat(e.code()).isEqualTo(HttpErrors.HTTP_REFUSED))
                .hasMessageContaining("loopback").hasMessageContaining("allow-private-networks");
        assertThat(server.received).isEmpty();
    }

    /** Literal addresses are never resolved through DNS and, being refused, never contacted. */
    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/",
            "http://[::1]/", "http://0.0.0.0/", "http://[fd00::1]/"})
    void refusesPrivateLiteralAddressesEvenIfAllowListed(String url) {
        HttpRequestConnector http = connector(false, "127.0.0.1", "10.0.0.1", "169.254.169.254", "[::1]",
                "0.0.0.0", "[fd00::1]");

        assertThatThrownBy(() -> http.execute(request(Map.of("url", url))))
                .isInstanceOfSatisfying(ConnectorBusinessError.class,
                        e -> assertThat(e.code()).isEqualTo(HttpErrors.HTTP_REFUSED))
                .hasMessageContaining("resolves to");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1/file", "file:///etc/passwd", "gopher://127.0.0.1/"})
    void refusesSchemesOtherThanHttpAndHttps(String url) {
        assertThatThrownBy(() -> connector(true, "127.0.0.1").execute(request(Map.of("url", url))))
                .isInstanceOfSatisfying(ConnectorBusinessError.class,
                        e -> assertThat(e.code()).isEqualTo(HttpErrors.HTTP_REFUSED))
                .hasMessageContaining("only http and https");
    }

    @Test
    void aTimeoutIsATechnicalFailure() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> connector(true, "127.0.0.1")
                .execute(request(Map.of("url", server.url("/slow"), "timeout", "300ms"))))
                .isInstanceOf(HttpCallFailed.class).hasMessageContaining("127.0.0.1");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aRefusedConnectionIsATechnicalFailure() throws Exception {
        String url;
        try (LocalServer gone = new LocalServer()) {
            url = gone.url("/nothing");
        }
        String closed = url;

        assertThatThrownBy(() -> connector(true, "127.0.0.1").execute(request(Map.of("url", closed))))
                .isInstanceOf(HttpCallFailed.class);
    }

    @Test
    void capsTheResponseSizeWithAndWithoutContentLength() {
        HttpRequestConnector http = connector(true, "127.0.0.1");

        for (String path : List.of("/big", "/big-chunked")) {
            assertThatThrownBy(() -> http.execute(request(Map.of("url", server.url(path)))))
                    .as(path)
                    .isInstanceOfSatisfying(ConnectorBusinessError.class,
                            e -> assertThat(e.code()).isEqualTo(HttpErrors.HTTP_RESPONSE_TOO_LARGE));
        }
    }

    @Test
    void sendsTheTasksIdempotencyKeyOnWritesButNotOnReads() {
        HttpRequestConnector http = connector(true, "127.0.0.1");

        Map<String, Object> created = http.execute(request(Map.of("method", "POST", "url", server.url("/echo"),
                "body", Map.of("order", 42))));
        http.execute(request(Map.of("method", "POST", "url", server.url("/echo"), "body", Map.of("order", 42))));
        http.execute(request(Map.of("url", server.url("/json"))));

        assertThat(created).containsEntry("status", 201).containsEntry("body", Map.of("created", true));
        assertThat(server.received).extracting(LocalServer.Received::idempotencyKey)
                .containsExactly("inst-1:callApi", "inst-1:callApi", null);
        assertThat(server.received.get(0).body()).isEqualTo("{\"order\":42}");
        assertThat(server.received.get(0).contentType()).isEqualTo("application/json");
    }

    @Test
    void doesNotFollowRedirects() {
        Map<String, Object> out = connector(true, "127.0.0.1")
                .execute(request(Map.of("url", server.url("/redirect"))));

        assertThat(out).containsEntry("status", 302).containsEntry("ok", false);
        assertThat(headers(out)).containsEntry("location",
                "http://169.254.169.254/latest/meta-data/");
        assertThat(server.received).hasSize(1);
    }

    @Test
    void refusesMalformedInputsAsInvalidInput() {
        HttpRequestConnector http = connector(true, "127.0.0.1");

        for (Map<String, Object> inputs : List.<Map<String, Object>>of(Map.of(),
                Map.of("url", "not a url"), Map.of("url", server.url("/json"), "method", "BREW"),
                Map.of("url", server.url("/json"), "timeout", "2h"),
                Map.of("url", server.url("/json"), "timeout", "soon"))) {
            assertThatThrownBy(() -> http.execute(request(inputs))).as(inputs.toString())
                    .isInstanceOfSatisfying(ConnectorBusinessError.class,
                            e -> assertThat(e.code()).isEqualTo(HttpErrors.INVALID_INPUT));
        }
        assertThat(server.received).isEmpty();
    }
}
