package io.flowgate.gateway.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.FlakyConnector;
import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.GatewayServer.Reply;
import io.flowgate.gateway.webhooks.internal.WebhookCounters;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.flowgate.gateway.webhooks.Deliveries.base64Hmac;
import static io.flowgate.gateway.webhooks.Deliveries.hexHmac;
import static org.assertj.core.api.Assertions.assertThat;

/** Signed callbacks over HTTP into the real gateway: they start flows, correlate messages and run once. */
class WebhooksIT {

    private static final String GITHUB_SECRET = "It's a Secret to Everybody";
    private static final String PLAIN_SECRET = "plain shared secret";
    private static final byte[] NEW_KEY = "the new standard webhooks key!!".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OLD_KEY = "the old standard webhooks key..".getBytes(StandardCharsets.UTF_8);
    private static final String NEW_SECRET = "whsec_" + Base64.getEncoder().encodeToString(NEW_KEY);
    private static final String OLD_SECRET = "whsec_" + Base64.getEncoder().encodeToString(OLD_KEY);

    private static GatewayServer gateway;
    private static GatewayServer sender;
    private static Path secrets;

    @BeforeAll
    static void start() throws IOException {
        secrets = Files.createTempDirectory("webhook-secrets");
        Files.writeString(secrets.resolve("github"), GITHUB_SECRET + "\n");
        Files.writeString(secrets.resolve("plain"), PLAIN_SECRET);
        Files.writeString(secrets.resolve("standard-new"), NEW_SECRET + "\n");
        Files.writeString(secrets.resolve("standard-old"), OLD_SECRET + "\n");
        gateway = GatewayServer.start(Map.of("flowgate.webhooks.secrets-dir", secrets.toString()));
        for (String flow : List.of("greeting.bpmn", "payment-wait.bpmn", "flaky-now.bpmn", "slow-job.bpmn")) {
            assertThat(gateway.deployFlow(flow).status()).as(flow).isEqualTo(201);
        }
        Reply published = gateway.post("/admin/contracts", "application/yaml", contract());
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        Reply flaky = gateway.post("/admin/contracts", "application/yaml",
                GatewayServer.resource("webhook-flaky.yaml").replace("@SECRETS@", secrets.toString()));
        assertThat(flaky.status()).as(flaky.toString()).isEqualTo(201);
        sender = gateway.anonymous();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static String contract() {
        return GatewayServer.resource("webhook-shop.yaml").replace("@SECRETS@", secrets.toString());
    }

    @Test
    void aSignedGithubDeliveryStartsAFlowAndAnswersOnceItIsKept() throws Exception {
        String order = order();
        String body = orderJson(order, "Ada");
        String delivery = UUID.randomUUID().toString();

        Reply reply = github(body, delivery, "sha256=" + hexHmac(GITHUB_SECRET, body));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        assertThat(reply.header("Flowgate-Instance-State")).isNotEqualTo("STARTING");
        String id = reply.json().path("instanceId").asText();
        assertThat(gateway.awaitEnded(id, Duration.ofSeconds(10)).path("state").asText()).isEqualTo("COMPLETED");
        JsonNode variables = gateway.get("/admin/instances/" + id).json().path("variables");
        assertThat(variables.path("greeting").asText()).isEqualTo("Hello Ada");
        assertThat(variables.path("delivery").asText()).isEqualTo(delivery);
        assertThat(variables.path("sender").asText()).isEqualTo("webhook:webhook-shop");
    }

    @Test
    void aDeliverySignedByTheStandardWebhooksLibraryStartsAFlowWithTheOldOrTheNewSecret() {
        for (String secret : List.of(NEW_SECRET, OLD_SECRET)) {
            String order = order();
            String body = orderJson(order, "Grace");
            String id = "msg_" + UUID.randomUUID();
            Instant now = Instant.now();

            Reply reply = standard("/hooks/standard/orders", body, id, now,
                    StandardWebhooksLibrary.sign(secret, id, now, body));

            assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
            assertThat(instances(order)).isEqualTo(1);
        }
    }

    @Test
    void theSameDeliveryAgainIsAnswered200WithTheFirstBodyAndStartsNothing() {
        String order = order();
        String body = orderJson(order, "Edsger");
        String id = "msg_" + UUID.randomUUID();
        Instant now = Instant.now();
        String signature = "v1," + base64Hmac(NEW_KEY, id + "." + now.getEpochSecond() + "." + body);

        Reply first = standard("/hooks/standard/orders", body, id, now, signature);
        Reply again = standard("/hooks/standard/orders", body, id, now, signature);

        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.header("Webhook-Replayed")).isEqualTo("true");
        assertThat(first.header("Webhook-Replayed")).isNull();
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Flowgate-Instance")).isEqualTo(first.header("Flowgate-Instance"));
        assertThat(instances(order)).isEqualTo(1);
    }

    @Test
    void concurrentDuplicateDeliveriesStartOneInstance() throws Exception {
        String order = order();
        String body = orderJson(order, "Barbara");
        String delivery = UUID.randomUUID().toString();
        String signature = "sha256=" + hexHmac(GITHUB_SECRET, body);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            replies.add(pool.submit(() -> github(body, delivery, signature)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Reply> reply : replies) {
            statuses.add(reply.get(30, TimeUnit.SECONDS).status());
        }
        pool.shutdown();

        assertThat(statuses).containsOnlyOnce(202).filteredOn(s -> s != 202).allMatch(s -> s == 200 || s == 409);
        assertThat(instances(order)).isEqualTo(1);
        assertThat(github(body, delivery, signature).status()).isEqualTo(200);
    }

    @Test
    void aSignedCallbackCorrelatesToTheWaitingInstance() throws Exception {
        String order = order();
        Reply waiting = gateway.post("/payments/" + order, "application/json", "");
        assertThat(waiting.status()).as(waiting.toString()).isEqualTo(201);
        assertThat(waiting.header("Flowgate-Instance-State")).isEqualTo("WAITING");
        String body = "{\"type\":\"payment.confirmed\",\"data\":{\"orderId\":\"" + order + "\"}}";
        String id = "msg_" + UUID.randomUUID();
        Instant now = Instant.now();

        Reply callback = standard("/hooks/payments", body, id, now, StandardWebhooksLibrary.sign(NEW_SECRET, id, now,
                body));

        assertThat(callback.status()).as(callback.toString()).isEqualTo(202);
        String instance = waiting.header("Flowgate-Instance");
        assertThat(callback.header("Flowgate-Instance")).isEqualTo(instance);
        assertThat(gateway.awaitEnded(instance, Duration.ofSeconds(10)).path("state").asText()).isEqualTo("COMPLETED");
        assertThat(gateway.get("/admin/instances/" + instance).json().path("variables").path("paid").asBoolean())
                .isTrue();
    }

    @Test
    void theHmacSchemeCanAnswerSynchronously() {
        String order = order();
        String body = orderJson(order, "Alan");
        String ts = Long.toString(Instant.now().getEpochSecond());

        Reply reply = sender.send(HttpRequest.newBuilder(uri("/hooks/plain/orders"))
                .header("Content-Type", "application/json")
                .header("X-Signature", "sha256=" + hexHmac(PLAIN_SECRET, ts + "." + body))
                .header("X-Signature-Timestamp", ts)
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("greeting").asText()).isEqualTo("Hello Alan");
    }

    @Test
    void badSignaturesAre401ProblemsThatStartNothingAndAreCounted() {
        String order = order();
        String body = orderJson(order, "Mallory");
        String goodSignature = "sha256=" + hexHmac(GITHUB_SECRET, body);
        double before = rejected("signature-mismatch");

        Reply tampered = github(body.replace("Mallory", "Mallorz"), UUID.randomUUID().toString(), goodSignature);
        Reply unsigned = sender.send(HttpRequest.newBuilder(uri("/hooks/github/orders"))
                .header("Content-Type", "application/json").header("X-GitHub-Delivery", "d-1")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        Instant stale = Instant.now().minusSeconds(600);
        String id = "msg_" + UUID.randomUUID();
        Reply old = standard("/hooks/standard/orders", body, id, stale,
                "v1," + base64Hmac(NEW_KEY, id + "." + stale.getEpochSecond() + "." + body));

        for (Reply reply : List.of(tampered, unsigned, old)) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.json().path("type").asText())
                    .isEqualTo("https://flowgate.io/problems/webhook-signature-invalid");
            assertThat(reply.body()).doesNotContain(goodSignature.substring(7));
        }
        assertThat(tampered.json().path("reason").asText()).isEqualTo("signature-mismatch");
        assertThat(unsigned.json().path("detail").asText()).isEqualTo("the X-Hub-Signature-256 header is missing");
        assertThat(old.json().path("reason").asText()).isEqualTo("stale-timestamp");
        assertThat(instances(order)).isZero();
        assertThat(rejected("signature-mismatch")).isEqualTo(before + 1);
        assertThat(rejected("missing-header")).isGreaterThanOrEqualTo(1);
        assertThat(rejected("stale-timestamp")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aBearerTokenDoesNotReplaceTheSignature() {
        Reply reply = gateway.post("/hooks/github/orders", "application/json", orderJson(order(), "Admin"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.json().path("reason").asText()).isEqualTo("missing-header");
    }

    @Test
    void theMetricsEndpointIsForAdminsOnly() {
        assertThat(sender.get("/metrics").status()).isEqualTo(401);
        String user = gateway.createUser("metrics-reader", null, "customer-service");
        assertThat(gateway.as(user).get("/metrics/" + WebhookCounters.REJECTED).status()).isEqualTo(403);
        assertThat(gateway.get("/metrics").json().path("names").toString()).contains("flowgate.webhooks");
    }

    @Test
    void aContractWhoseSecretIsNotSetIsRefused() {
        String broken = contract().replace("file:" + secrets + "/plain", "env:FLOWGATE_TEST_UNSET_WEBHOOK_SECRET")
                .replace("title: Webhook shop", "title: Webhook shop broken");

        Reply reply = gateway.post("/admin/contracts", "application/yaml", broken);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.body()).contains("x-webhook: secret env:FLOWGATE_TEST_UNSET_WEBHOOK_SECRET is not set");
    }

    @Test
    void aStartThatFailsBeforeItsFirstCommitAnswers503AndTheSameDeliveryRunsWhenSentAgain() {
        String body = "{\"attempt\":1}";
        String delivery = UUID.randomUUID().toString();
        String signature = "sha256=" + hexHmac(GITHUB_SECRET, body);
        FlakyConnector.FAILING.set(true);
        try {
            Reply refused = github("/hooks/github/flaky", body, delivery, signature);

            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("5");
            assertThat(refused.body()).contains("webhook-not-accepted");
        } finally {
            FlakyConnector.FAILING.set(false);
        }

        Reply kept = github("/hooks/github/flaky", body, delivery, signature);

        assertThat(kept.status()).as(kept.toString()).isEqualTo(202);
        assertThat(kept.header("Flowgate-Instance-State")).isEqualTo("COMPLETED");
    }

    @Test
    void aSynchronousStartWhoseBudgetRunsOutBeforeItsCommitIsAnsweredOnceItIsKept() {
        String body = "{\"millis\":1200}";

        Reply reply = github("/hooks/github/slow", body, UUID.randomUUID().toString(),
                "sha256=" + hexHmac(GITHUB_SECRET, body));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        assertThat(reply.header("Flowgate-Instance-State")).isEqualTo("COMPLETED");
        assertThat(reply.json().path("state").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void aSecretFileOutsideTheSecretsDirectoryIsRefusedExactlyLikeAMissingOne() throws IOException {
        Path outside = Files.writeString(Files.createTempFile("not-a-secret", ".txt"), "readable by the gateway");
        String missing = secrets.resolve("../no-such-file").toString();

        Reply aboutOutside = gateway.post("/admin/contracts", "application/yaml", contract()
                .replace("file:" + secrets + "/plain", "file:" + outside).replace("title: Webhook shop",
                        "title: Webhook probe one"));
        Reply aboutMissing = gateway.post("/admin/contracts", "application/yaml", contract()
                .replace("file:" + secrets + "/plain", "file:" + missing).replace("title: Webhook shop",
                        "title: Webhook probe one"));

        assertThat(aboutOutside.status()).as(aboutOutside.toString()).isEqualTo(422);
        assertThat(aboutMissing.status()).as(aboutMissing.toString()).isEqualTo(422);
        assertThat(aboutOutside.body()).contains("cannot be used: it must name a readable, non-empty file of at "
                + "most 64 KiB inside the secrets directory (FLOWGATE_SECRETS_DIR)");
        assertThat(aboutOutside.body().replace(outside.toString(), "PATH"))
                .isEqualTo(aboutMissing.body().replace(missing, "PATH"));
    }

    private static Reply github(String body, String delivery, String signature) {
        return github("/hooks/github/orders", body, delivery, signature);
    }

    private static Reply github(String path, String body, String delivery, String signature) {
        return Deliveries.github(sender, path, body, delivery, signature);
    }

    private static Reply standard(String path, String body, String id, Instant timestamp, String signature) {
        return Deliveries.standard(sender, path, body, id, timestamp, signature);
    }

    private static double rejected(String reason) {
        Reply reply = gateway.get("/metrics/" + WebhookCounters.REJECTED + "?tag=reason:" + reason);
        if (reply.status() == 404) {
            return 0; // not counted yet
        }
        for (JsonNode measurement : reply.json().path("measurements")) {
            if ("COUNT".equals(measurement.path("statistic").asText())) {
                return measurement.path("value").asDouble();
            }
        }
        return 0;
    }

    private static long instances(String businessKey) {
        return gateway.get("/admin/instances?businessKey=" + businessKey).json().path("total").asLong();
    }

    private static String order() {
        return "W-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String orderJson(String order, String name) {
        return "{\"orderId\":\"" + order + "\",\"name\":\"" + name + "\"}";
    }

    private static URI uri(String path) {
        int port = gateway.context().getBean(EmbeddedServer.class).getPort();
        return URI.create("http://localhost:" + port + path);
    }
}
