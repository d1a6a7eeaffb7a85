package io.flowgate.gateway.pipeline;

import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code X-Content-Type-Options: nosniff} on every answer, {@code Cache-Control: no-store} on every answer to a
 * request with credentials — successes, refusals and idempotent replays alike — and never over a caching the answer
 * chose itself.
 */
class SecurityHeadersIT {

    static final String GREETINGS = """
            openapi: 3.0.3
            info: {title: Headers, version: 1.0.0}
            paths:
              /header-greetings:
                post:
                  operationId: greet
                  x-flow-id: greeting
                  x-public: true
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, properties: {name: {type: string}}}
                  responses:
                    '200': {description: greeted}
            """;

    static GatewayServer gateway;
    static GatewayServer clerk;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start(Map.of("flowgate.example", false));
        assertThat(gateway.deployFlow("greeting.bpmn").status()).isEqualTo(201);
        assertThat(gateway.post("/admin/contracts", "application/yaml", GREETINGS).status()).isEqualTo(201);
        clerk = gateway.as(gateway.createUser("header-clerk", "bistro", "clerk"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void anAuthenticatedAnswerIsNeitherSniffedNorStored() {
        assertNoSniffNoStore(gateway.get("/admin/users"), 200);
        assertNoSniffNoStore(clerk.get("/api/tasks"), 200);
    }

    @Test
    void refusalsToCallersWithCredentialsAreNeitherSniffedNorStored() {
        assertNoSniffNoStore(clerk.get("/admin/users"), 403);
        assertNoSniffNoStore(gateway.as("not-a-token").get("/api/tasks"), 401);
        assertNoSniffNoStore(gateway.get("/admin/users/nobody-here"), 404);
    }

    @Test
    void anAnonymousAnswerIsNotSniffedAndAnAnswerKeepsTheCachingItChose() {
        Reply open = gateway.anonymous().postJson("/header-greetings", "{\"name\":\"Ada\"}");

        assertThat(open.status()).as(open.toString()).isEqualTo(200);
        assertThat(open.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(open.header("Cache-Control")).isNull();
        assertThat(gateway.anonymous().get("/api/tasks").header("X-Content-Type-Options")).isEqualTo("nosniff");

        Reply login = gateway.anonymous().postJson("/auth/token", "{\"username\":\"header-clerk\",\"password\":\""
                + GatewayServer.USER_PASSWORD + "\"}");

        assertThat(login.header("Cache-Control")).isEqualTo("no-store");
        assertThat(login.headers().get("cache-control")).hasSize(1);
    }

    @Test
    void anIdempotentReplayCarriesTheSameHeadersAndBytes() {
        String key = UUID.randomUUID().toString();
        Reply first = greet(key);
        Reply replay = greet(key);

        assertNoSniffNoStore(first, 200);
        assertNoSniffNoStore(replay, 200);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.body()).isEqualTo(first.body());
    }

    private static Reply greet(String key) {
        return clerk.send(HttpRequest.newBuilder(gateway.uri("/header-greetings"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ada\"}")));
    }

    private static void assertNoSniffNoStore(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
    }
}
