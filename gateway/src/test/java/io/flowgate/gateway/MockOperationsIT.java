package io.flowgate.gateway;

import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code x-flow-action: mock} on the real gateway: a contract published before any flow exists answers its declared
 * examples, and every stage of the pipeline but the flow still runs.
 */
class MockOperationsIT {

    private static final String QUOTE = "{\"quoteId\":\"Q-1001\",\"sku\":\"latte\",\"total\":12.5}";

    private static GatewayServer gateway;
    private static GatewayServer buyer;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start();
        Reply published = gateway.publishContract("mock-quotes.yaml");
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        buyer = gateway.as(gateway.createUser("bea", "acme", "buyer"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static Reply quote(GatewayServer caller, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri("/mock-quotes"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return caller.send(request);
    }

    @Test
    void answersTheDeclaredExampleWithTheDeclaredStatusAndNoInstance() throws Exception {
        Reply reply = quote(buyer, null, "{\"sku\":\"latte\",\"qty\":2}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.json()).isEqualTo(GatewayServer.JSON.readTree(QUOTE));
        assertThat(reply.header("Location")).isNull();
        assertThat(reply.header("Flowgate-Instance")).isNull();
        assertThat(gateway.get("/admin/instances").json().path("total").asInt()).isZero();
    }

    @Test
    void answersOnlyTheStatusWhenTheResponseDeclaresNoContent() {
        Reply reply = buyer.delete("/mock-quotes/Q-1001");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void stillRefusesARequestThatBreaksTheContract() {
        Reply reply = quote(buyer, null, "{\"sku\":\"latte\",\"qty\":0}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("errors").get(0).path("pointer").asText()).isEqualTo("/qty");
    }

    @Test
    void stillRequiresTheDeclaredRole() {
        GatewayServer waiter = gateway.as(gateway.createUser("wes", "acme", "waiters"));

        assertThat(quote(waiter, null, "{\"sku\":\"latte\",\"qty\":2}").status()).isEqualTo(403);
        assertThat(quote(gateway.anonymous(), null, "{\"sku\":\"latte\",\"qty\":2}").status()).isEqualTo(401);
    }

    @Test
    void leavesFlowDeploymentsAlone() {
        Reply deployed = gateway.deployFlow("greeting.bpmn");

        assertThat(deployed.status()).as("no live flow operation is affected: " + deployed).isEqualTo(201);
        assertThat(quote(buyer, null, "{\"sku\":\"latte\",\"qty\":1}").status()).isEqualTo(201);
    }

    @Test
    void replaysTheFirstAnswerForARepeatedIdempotencyKey() {
        String key = UUID.randomUUID().toString();

        Reply first = quote(buyer, key, "{\"sku\":\"latte\",\"qty\":2}");
        Reply again = quote(buyer, key, "{\"sku\":\"latte\",\"qty\":2}");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(quote(buyer, key, "{\"sku\":\"mocha\",\"qty\":2}").status())
                .as("the key belongs to the first request").isEqualTo(422);
    }
}
