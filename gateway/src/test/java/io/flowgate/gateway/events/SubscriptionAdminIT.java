package io.flowgate.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /admin/subscriptions} on the real gateway with the default URL policy (no private networks). */
class SubscriptionAdminIT {

    /** A public address literal: no DNS needed, and not in any refused range. */
    private static final String PUBLIC_URL = "https://93.184.216.34/hooks/flowgate";
    private static final String GIVEN_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static GatewayServer gateway;

    @BeforeAll
    static void start() {
        // nothing is delivered here (the public address is never called): the relays stay off
        gateway = GatewayServer.start(Map.of("flowgate.example", false, "flowgate.events.enabled", false));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void createsListsReadsAndDeletesASubscriptionShowingTheSecretOnlyOnce() {
        Reply created = gateway.postJson("/admin/subscriptions", "{\"url\":\"" + PUBLIC_URL + "\","
                + "\"eventTypes\":[\"order.*\",\"instance.completed\",\"order.*\"],\"description\":\"ERP\"}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode subscription = created.json();
        String id = subscription.path("id").asText();
        assertThat(created.header("Location")).isEqualTo("/admin/subscriptions/" + id);
        assertThat(subscription.path("secret").asText()).startsWith("whsec_");
        assertThat(subscription.path("url").asText()).isEqualTo(PUBLIC_URL);
        assertThat(subscription.path("eventTypes").toString()).isEqualTo("[\"order.*\",\"instance.completed\"]");
        assertThat(subscription.path("description").asText()).isEqualTo("ERP");
        assertThat(subscription.path("createdBy").asText()).isEqualTo("admin");
        assertThat(subscription.path("createdAt").isTextual()).isTrue();
        assertThat(subscription.has("tenant")).as("the platform admin's: every tenant").isFalse();

        Reply list = gateway.get("/admin/subscriptions");
        Reply one = gateway.get("/admin/subscriptions/" + id);
        assertThat(list.json().findValuesAsText("id")).contains(id);
        assertThat(one.json().path("pending").asLong()).isZero();
        assertThat(one.json().path("deadLetters").asLong()).isZero();
        assertThat(list.body()).doesNotContain("secret").doesNotContain("whsec_");
        assertThat(one.body()).doesNotContain("secret").doesNotContain("whsec_");

        assertThat(gateway.delete("/admin/subscriptions/" + id).status()).isEqualTo(204);
        Reply gone = gateway.get("/admin/subscriptions/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("code").asText()).isEqualTo("subscription-not-found");
        assertThat(gateway.delete("/admin/subscriptions/" + id).status()).isEqualTo(404);
    }

    @Test
    void keepsASecretTheAdminChose() {
        Reply created = gateway.postJson("/admin/subscriptions", "{\"url\":\"" + PUBLIC_URL + "\","
                + "\"eventTypes\":[\"*\"],\"secret\":\"" + GIVEN_SECRET + "\"}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("secret").asText()).isEqualTo(GIVEN_SECRET);
        gateway.delete("/admin/subscriptions/" + created.json().path("id").asText());
    }

    @ParameterizedTest(name = "[{index}] {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {} | url | url is required
            {"url":"ftp://files.example.com/in","eventTypes":["*"]} | url | https (or http)
            {"url":"https://user:pw@93.184.216.34/in","eventTypes":["*"]} | url | credentials
            {"url":"http://127.0.0.1:9000/hook","eventTypes":["*"]} | url | a loopback address
            {"url":"http://169.254.169.254/latest/meta-data","eventTypes":["*"]} | url | a link-local address
            {"url":"http://10.0.0.7/hook","eventTypes":["*"]} | url | a private address
            {"url":"https://93.184.216.34/in"} | eventTypes | eventTypes is required
            {"url":"https://93.184.216.34/in","eventTypes":[]} | eventTypes | eventTypes is required
            {"url":"https://93.184.216.34/in","eventTypes":"order.*"} | eventTypes | must be an array
            {"url":"https://93.184.216.34/in","eventTypes":["order.shipped"]} | eventTypes | not an event type
            {"url":"https://93.184.216.34/in","eventTypes":["orders.*"]} | eventTypes | names no event family
            {"url":"https://93.184.216.34/in","eventTypes":["*"],"secret":"s3cret"} | secret | must start with whsec_
            {"url":"https://93.184.216.34/in","eventTypes":["*"],"secret":"whsec_c2hvcnQ="} | secret | 24 to 64 bytes
            {"url":"https://93.184.216.34/in","eventTypes":["*"],"events":["*"]} | events | unknown field
            """)
    void refusesABadSubscriptionWithAProblemNamingTheField(String body, String field, String detail) {
        Reply refused = gateway.postJson("/admin/subscriptions", body);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("code").asText()).isEqualTo("invalid-subscription");
        assertThat(refused.json().path("field").asText()).isEqualTo(field);
        assertThat(refused.json().path("detail").asText()).contains(detail);
    }

    @Test
    void refusesABodyThatIsNotAJsonObject() {
        Reply refused = gateway.postJson("/admin/subscriptions", "not json");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("code").asText()).isEqualTo("invalid-body");
    }

    @Test
    void answersUnknownSubscriptionsAndDeadLettersWithProblems() {
        assertThat(gateway.get("/admin/subscriptions/nope/dead-letters").json().path("code").asText())
                .isEqualTo("subscription-not-found");
        Reply created = gateway.postJson("/admin/subscriptions", "{\"url\":\"" + PUBLIC_URL + "\","
                + "\"eventTypes\":[\"*\"]}");
        String path = "/admin/subscriptions/" + created.json().path("id").asText();

        Reply replay = gateway.postJson(path + "/dead-letters/no-such-event/replay", "");
        Reply badLimit = gateway.get(path + "/dead-letters?limit=0");

        assertThat(gateway.get(path + "/dead-letters").json()).isEmpty();
        assertThat(replay.status()).isEqualTo(404);
        assertThat(replay.json().path("code").asText()).isEqualTo("dead-letter-not-found");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(gateway.postJson(path + "/dead-letters/replay", "").json().path("replayed").asInt()).isZero();
        gateway.delete(path);
    }

    @Test
    void onlyAdminsManageSubscriptions() {
        GatewayServer clerk = gateway.as(gateway.createUser("clerk", "downtown", "customer-service"));

        assertThat(clerk.get("/admin/subscriptions").status()).isEqualTo(403);
        assertThat(clerk.postJson("/admin/subscriptions", "{}").status()).isEqualTo(403);
        assertThat(gateway.anonymous().get("/admin/subscriptions").status()).isEqualTo(401);
    }
}
