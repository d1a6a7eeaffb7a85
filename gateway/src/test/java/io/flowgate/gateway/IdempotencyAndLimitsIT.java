package io.flowgate.gateway;

import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key, rate limits and hostile input, over HTTP against the in-process back-ends. */
class IdempotencyAndLimitsIT {

    private static GatewayServer gateway;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start();
        assertThat(gateway.deployFlow("greeting.bpmn").status()).isEqualTo(201);
        assertThat(gateway.publishContract("guarded-shop.yaml").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static Reply greet(String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/guarded-greetings"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return gateway.send(request);
    }

    @Test
    void fiftySimultaneousRequestsWithOneKeyStartExactlyOneInstance() throws Exception {
        String name = "once-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            replies.add(pool.submit(() -> greet(key, "{\"name\":\"" + name + "\"}")));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Reply> reply : replies) {
            statuses.add(reply.get().status());
        }
        pool.shutdown();

        assertThat(statuses).as("the first answer, its replays, or in progress").isSubsetOf(200, 409).contains(200);
        assertThat(gateway.get("/admin/instances?flow=greeting&businessKey=" + name).json().path("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void replaysTheFirstResponseByteForByteWithoutASecondInstance() {
        String name = "replay-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        Reply first = greet(key, "{\"name\":\"" + name + "\",\"note\":{\"a\":1,\"b\":2}}");
        Reply again = greet(key, "{\"note\":{\"b\":2,\"a\":1},\"name\":\"" + name + "\"}");

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(gateway.get("/admin/instances?flow=greeting&businessKey=" + name).json().path("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void refusesAKeyReusedForADifferentRequest() {
        String key = UUID.randomUUID().toString();
        greet(key, "{\"name\":\"first-" + key + "\"}");

        Reply reply = greet(key, "{\"name\":\"second-" + key + "\"}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().path("type").asText()).endsWith("/idempotency-key-reused");
    }

    @Test
    void requiresAKeyWhereTheContractSaysSoAndDoesNotStoreValidationFailures() {
        Reply missing = greet(null, "{\"name\":\"no-key\"}");
        String key = UUID.randomUUID().toString();
        Reply invalid = greet(key, "{\"name\":42}");
        Reply valid = greet(key, "{\"name\":\"fixed-" + key + "\"}");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("type").asText()).endsWith("/idempotency-key-missing");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(valid.status()).as("a validation failure does not use up the key: " + valid).isEqualTo(200);
    }

    @Test
    void answers429WithRetryAfterAndRateLimitHeadersOverTheLimit() {
        GatewayServer caller = gateway.as(gateway.createUser("limited-" + UUID.randomUUID().toString()
                .substring(0, 8), null, "reporter"));
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            replies.add(caller.get("/limited-reports"));
        }

        assertThat(replies.subList(0, 3)).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(501);
            assertThat(reply.header("RateLimit-Policy")).contains("q=3");
            assertThat(reply.header("RateLimit")).contains("r=");
        });
        Reply refused = replies.get(3);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.header("RateLimit")).contains("r=0");
    }

    @Test
    void refusesABodyOverTheLimitWith413() {
        String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";

        Reply reply = greet(UUID.randomUUID().toString(), big);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void refusesDeeplyNestedJsonWith400() {
        String deep = "{\"name\":\"deep\",\"note\":" + "{\"a\":".repeat(5000) + "1" + "}".repeat(5000) + "}";

        Reply reply = greet(UUID.randomUUID().toString(), deep);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void refusesOversizedHeadersWithoutAServerError() {
        Reply reply = gateway.send(HttpRequest.newBuilder(uri("/limited-reports"))
                .header("X-Padding", "p".repeat(40_000)).GET());

        assertThat(reply.status()).isBetween(400, 499);
    }

    @Test
    void refusesAYamlAliasBombContractQuickly() {
        StringBuilder bomb = new StringBuilder("openapi: 3.0.3\ninfo: {title: bomb, version: '1'}\npaths: {}\n"
                + "x-a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append("x-").append(c).append(": &").append(c).append(" [")
                    .append(("*" + previous + ",").repeat(9)).setLength(bomb.length() - 1);
            bomb.append("]\n");
            previous = c;
        }

        Reply reply = gateway.post("/admin/contracts", "application/yaml", bomb.toString());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
    }

    @Test
    void refusesRemoteReferencesInAContract() {
        String remote = "openapi: 3.0.3\ninfo: {title: remote, version: '1'}\npaths:\n  /r:\n    get:\n"
                + "      responses:\n        '200':\n          description: ok\n          content:\n"
                + "            application/json:\n              schema:\n"
                + "                $ref: 'http://127.0.0.1:9/evil.yaml#/Thing'\n";

        Reply reply = gateway.post("/admin/contracts", "application/yaml", remote);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().path("findings").toString()).contains("$ref");
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + gateway.context()
                .getBean(io.micronaut.runtime.server.EmbeddedServer.class).getPort() + path);
    }
}
