package io.flowgate.gateway.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.GatewayServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overlong UTF-8 and other ill-formed sequences, sent as raw bytes to the real gateway: Jackson used to decode
 * {@code C0 AF} and {@code E0 80 AF} as '/' (a user {@code eve<C0 AE>admin} became {@code eve.admin}), the rest was
 * silently replaced by U+FFFD. Now each is refused with 400 {@code malformed-utf8} naming where it was, before any
 * part of the gateway reads it; well-formed UTF-8 passes as before.
 */
class MalformedUtf8IT {

    static final String ECHO = """
            openapi: 3.0.3
            info: {title: Echo, version: 1.0.0}
            paths:
              /echo/{word}:
                post:
                  operationId: echo
                  x-flow-id: greeting
                  x-flow-variables:
                    name: "{body.name}"
                    word: "{path.word}"
                    q: "{query.q}"
                    h: "{header.x-word}"
                  x-flow-response:
                    body: {greeting: "{vars.greeting}", word: "{vars.word}", q: "{vars.q}", h: "{vars.h}"}
                  parameters:
                    - {name: word, in: path, required: true, schema: {type: string}}
                    - {name: q, in: query, schema: {type: string}}
                    - {name: x-word, in: header, schema: {type: string}}
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, properties: {name: {type: string}}}
                      application/x-www-form-urlencoded:
                        schema: {type: object, properties: {name: {type: string}}}
                  responses:
                    '200': {description: ok}
              /notes:
                post:
                  operationId: note
                  x-flow-id: greeting
                  x-flow-variables:
                    name: "{body}"
                  x-flow-response:
                    body: {greeting: "{vars.greeting}"}
                  requestBody:
                    content:
                      text/plain:
                        schema: {type: string}
                  responses:
                    '200': {description: ok}
            """;
    static final String OVERLONG_SLASH_2 = "c0af";

    static GatewayServer gateway;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start(Map.of("flowgate.example", false));
        assertThat(gateway.deployFlow("greeting.bpmn").status()).isEqualTo(201);
        assertThat(gateway.post("/admin/contracts", "application/yaml", ECHO).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @ParameterizedTest(name = "overlong '/' {0}")
    @ValueSource(strings = {"c0af", "e080af", "f08080af"})
    void refusesOverlongUtf8InAJsonBodyTheContractValidatorWouldRead(String overlong) throws IOException {
        Raw reply = send("POST", "/echo/w", "application/json", bytes("{\"name\":\"a", hex(overlong), "b\"}"));

        assertMalformed(reply, "body", 10);
    }

    @Test
    void refusesAnOverlongDotThatWouldHaveNamedAnotherUser() throws IOException {
        Raw reply = send("POST", "/admin/users", "application/json", bytes("{\"username\":\"eve", hex("c0ae"),
                "admin\",\"password\":\"eve-long-password\"}"));

        assertMalformed(reply, "body", 16);
        assertThat(gateway.get("/admin/users/eve.admin").status()).isEqualTo(404);
    }

    @Test
    void refusesOverlongUtf8InALoginWhateverTheDeclaredCharset() throws IOException {
        Raw reply = send("POST", "/auth/token", "application/json; charset=iso-8859-1",
                bytes("{\"username\":\"ad", hex("c1ad"), "min\",\"password\":\"x\"}"));

        assertMalformed(reply, "body", 15);
    }

    @Test
    void refusesIllFormedUtf8InATextBody() throws IOException {
        assertMalformed(send("POST", "/notes", "text/plain", bytes("a", hex("e080af"), "b")), "body", 1);
        assertMalformed(send("POST", "/notes", "text/plain", bytes("a", hex("eda080"))), "body", 1);
    }

    @Test
    void refusesOverlongUtf8PercentEncodedInAFormBody() throws IOException {
        Raw reply = send("POST", "/echo/w", "application/x-www-form-urlencoded", bytes("name=a%C0%AFb"));

        assertMalformed(reply, "body", 6);
    }

    @Test
    void refusesOverlongUtf8PercentEncodedInThePathButPassesWellFormedUtf8() throws IOException {
        Raw wellFormed = send("POST", "/echo/caf%C3%A9?q=%E2%82%AC", "application/json",
                "{\"name\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8), bytes("X-Word: x", hex(OVERLONG_SLASH_2), "y"));
        assertThat(wellFormed.status()).as(wellFormed.body()).isEqualTo(200);
        assertThat(wellFormed.json().path("greeting").asText()).isEqualTo("Hello Zoë");
        assertThat(wellFormed.json().path("word").asText()).isEqualTo("café");
        assertThat(wellFormed.json().path("q").asText()).isEqualTo("€");
        assertThat(wellFormed.json().path("h").asText()).as("a header is read byte for byte (ISO-8859-1), never "
                + "decoded as UTF-8: two characters, never '/'").isEqualTo("xÀ¯y");

        assertMalformed(send("POST", "/echo/w%C0%AFx", "application/json", bytes("{}")), "path", 7);
        assertMalformed(send("GET", "/admin/users/eve%C0%AEadmin", null, null), "path", 16);
    }

    @Test
    void refusesOverlongUtf8SentAsRawBytesInThePath() throws IOException {
        String target = "/echo/w" + new String(hex(OVERLONG_SLASH_2), StandardCharsets.ISO_8859_1);

        assertMalformed(send("POST", target, "application/json", bytes("{}")), "path", 7);
    }

    @Test
    void refusesOverlongUtf8PercentEncodedInTheQuery() throws IOException {
        assertMalformed(send("POST", "/echo/w?q=%E0%80%AF", "application/json", bytes("{}")), "query", 2);
        assertMalformed(send("GET", "/admin/instances?businessKey=%C0%AF", null, null), "query", 12);
    }

    private static void assertMalformed(Raw reply, String in, int offset) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("type").asText()).isEqualTo("https://flowgate.io/problems/malformed-utf8");
        assertThat(problem.path("in").asText()).isEqualTo(in);
        assertThat(problem.path("offset").asInt()).isEqualTo(offset);
        assertThat(problem.path("detail").asText()).contains("request " + in).contains("byte " + offset);
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof byte[] raw ? raw : part.toString().getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    private static Raw send(String method, String target, String contentType, byte[] body) throws IOException {
        return send(method, target, contentType, body, null);
    }

    /** HTTP/1.1 over a plain socket: the request line, headers and body go out exactly as given. */
    private static Raw send(String method, String target, String contentType, byte[] body, byte[] header)
            throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(bytes(method, " ", target.getBytes(StandardCharsets.ISO_8859_1), " HTTP/1.1\r\n",
                "Host: localhost\r\nConnection: close\r\nAuthorization: Bearer ", gateway.adminToken(), "\r\n"));
        if (header != null) {
            request.writeBytes(bytes(header, "\r\n"));
        }
        if (contentType != null) {
            request.writeBytes(bytes("Content-Type: ", contentType, "\r\n"));
        }
        request.writeBytes(bytes("Content-Length: ", body == null ? 0 : body.length, "\r\n\r\n"));
        if (body != null) {
            request.writeBytes(body);
        }
        try (Socket socket = new Socket("localhost", gateway.uri("/").getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            return Raw.parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** An answer read off the socket (the gateway answers with Content-Length, never chunked, here). */
    record Raw(int status, String head, String body) {

        static Raw parse(String text) {
            int split = text.indexOf("\r\n\r\n");
            String head = text.substring(0, split);
            return new Raw(Integer.parseInt(head.substring(9, 12)), head, text.substring(split + 4));
        }

        String contentType() {
            return head.lines().filter(line -> line.toLowerCase().startsWith("content-type:"))
                    .map(line -> line.substring(13).strip()).findFirst().orElse("");
        }

        JsonNode json() {
            try {
                return GatewayServer.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }
}
