package io.flowgate.gateway.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.flowgate.gateway.webhooks.Deliveries.base64Hmac;
import static io.flowgate.gateway.webhooks.Deliveries.hexHmac;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed callbacks of tenants over HTTP into the real gateway: a webhook of one tenant ({@code tenant: {fixed: …}})
 * starts its instances in that tenant; with one secret per tenant the secret that verified names the tenant, so a
 * delivery correlates only to its own tenant's instance and delivery ids are per tenant. Subclasses start the
 * gateway with {@link #properties()} on a database and hand it to {@link #prepare}.
 */
abstract class WebhookTenantsContract {

    private static final String GITHUB_SECRET = "It's a Secret to Everybody";
    private static final byte[] BISTRO_KEY = "bistro's standard webhooks key".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DINER_OLD_KEY = "diner's old standard webhooks key".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DINER_NEW_KEY = "diner's new standard webhooks key".getBytes(StandardCharsets.UTF_8);

    static GatewayServer gateway;
    private static GatewayServer sender;
    private static GatewayServer bistro;
    private static GatewayServer diner;
    private static Path secrets;

    /** The gateway's properties: a secrets directory with the fixed tenant's secret and each tenant's own. */
    static Map<String, Object> properties() throws IOException {
        secrets = Files.createTempDirectory("webhook-tenant-secrets");
        Files.writeString(secrets.resolve("github"), GITHUB_SECRET + "\n");
        Files.writeString(secrets.resolve("bistro"), whsec(BISTRO_KEY));
        Files.writeString(secrets.resolve("diner-new"), whsec(DINER_NEW_KEY));
        Files.writeString(secrets.resolve("diner-old"), whsec(DINER_OLD_KEY));
        return Map.of("flowgate.webhooks.secrets-dir", secrets.toString());
    }

    /** Deploys the flows, publishes the webhooks of tenants on {@code started} and makes a user in each tenant. */
    static void prepare(GatewayServer started) {
        gateway = started;
        for (String flow : List.of("greeting.bpmn", "payment-wait.bpmn")) {
            assertThat(gateway.deployFlow(flow).status()).as(flow).isEqualTo(201);
        }
        Reply tenants = gateway.post("/admin/contracts", "application/yaml",
                GatewayServer.resource("webhook-tenants.yaml").replace("@SECRETS@", secrets.toString()));
        assertThat(tenants.status()).as(tenants.toString()).isEqualTo(201);
        sender = gateway.anonymous();
        bistro = gateway.as(gateway.createUser("bistro-clerk", "bistro", "customer"));
        diner = gateway.as(gateway.createUser("diner-clerk", "diner", "customer"));
    }

    @Test
    void aWebhookWithAFixedTenantStartsItsInstancesInThatTenant() throws Exception {
        String body = orderJson(order(), "Bistro");

        Reply reply = github("/hooks/bistro/orders", body, UUID.randomUUID().toString(),
                "sha256=" + hexHmac(GITHUB_SECRET, body));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        String id = reply.json().path("instanceId").asText();
        assertThat(gateway.awaitEnded(id, Duration.ofSeconds(10)).path("state").asText()).isEqualTo("COMPLETED");
        JsonNode instance = gateway.get("/admin/instances/" + id).json();
        assertThat(instance.path("tenantId").asText()).isEqualTo("bistro");
        assertThat(instance.path("variables").path("tenantClaim").asText()).isEqualTo("bistro");
        assertThat(bistro.get("/instances/" + id).status()).isEqualTo(200);
        assertThat(diner.get("/instances/" + id).status()).isEqualTo(404);
    }

    @Test
    void aCallbackSignedWithOneTenantsSecretSettlesOnlyThatTenantsInstanceWithTheKey() throws Exception {
        String order = order();
        String bistroWaits = waitingFor(bistro, order);
        String dinerWaits = waitingFor(diner, order);
        String body = "{\"data\":{\"orderId\":\"" + order + "\"}}";

        Reply forBistro = tenantCallback(body, "msg_" + UUID.randomUUID(), BISTRO_KEY);

        assertThat(forBistro.status()).as(forBistro.toString()).isEqualTo(202);
        assertThat(forBistro.header("Flowgate-Instance")).isEqualTo(bistroWaits);
        assertThat(gateway.awaitEnded(bistroWaits, Duration.ofSeconds(10)).path("state").asText())
                .isEqualTo("COMPLETED");
        assertThat(gateway.get("/instances/" + dinerWaits).json().path("state").asText()).isEqualTo("WAITING");

        Reply forDiner = tenantCallback(body, "msg_" + UUID.randomUUID(), DINER_OLD_KEY);

        assertThat(forDiner.status()).as(forDiner.toString()).isEqualTo(202);
        assertThat(forDiner.header("Flowgate-Instance")).isEqualTo(dinerWaits);
        assertThat(gateway.awaitEnded(dinerWaits, Duration.ofSeconds(10)).path("state").asText())
                .isEqualTo("COMPLETED");
    }

    @Test
    void aCallbackForAnotherTenantsKeyFindsNothingInItsOwnTenant() {
        String order = order();
        String dinerWaits = waitingFor(diner, order);

        Reply forBistro = tenantCallback("{\"data\":{\"orderId\":\"" + order + "\"}}",
                "msg_" + UUID.randomUUID(), BISTRO_KEY);

        assertThat(forBistro.status()).as(forBistro.toString()).isEqualTo(404);
        assertThat(forBistro.json().path("type").asText()).endsWith("/no-matching-instance");
        assertThat(gateway.get("/instances/" + dinerWaits).json().path("state").asText()).isEqualTo("WAITING");
    }

    @Test
    void theSameDeliveryIdFromTwoTenantsIsTwoDeliveries() {
        String order = order();
        String bistroWaits = waitingFor(bistro, order);
        String dinerWaits = waitingFor(diner, order);
        String body = "{\"data\":{\"orderId\":\"" + order + "\"}}";
        String id = "msg_" + UUID.randomUUID();

        Reply fromBistro = tenantCallback(body, id, BISTRO_KEY);
        Reply fromDiner = tenantCallback(body, id, DINER_NEW_KEY);

        assertThat(fromBistro.status()).as(fromBistro.toString()).isEqualTo(202);
        assertThat(fromDiner.status()).as(fromDiner.toString()).isEqualTo(202);
        assertThat(fromDiner.header("Webhook-Replayed")).isNull();
        assertThat(fromBistro.header("Flowgate-Instance")).isEqualTo(bistroWaits);
        assertThat(fromDiner.header("Flowgate-Instance")).isEqualTo(dinerWaits);
    }

    @Test
    void aDeliverySignedWithTheSecretsOfTwoTenantsIsRefused() {
        String order = order();
        String bistroWaits = waitingFor(bistro, order);
        String body = "{\"data\":{\"orderId\":\"" + order + "\"}}";
        String id = "msg_" + UUID.randomUUID();
        Instant now = Instant.now();
        String signed = id + "." + now.getEpochSecond() + "." + body;

        Reply reply = standard("/hooks/tenants/payments", body, id, now,
                "v1," + base64Hmac(BISTRO_KEY, signed) + " v1," + base64Hmac(DINER_NEW_KEY, signed));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.json().path("detail").asText()).contains("more than one tenant");
        assertThat(gateway.get("/instances/" + bistroWaits).json().path("state").asText()).isEqualTo("WAITING");
    }

    private static String waitingFor(GatewayServer user, String order) {
        Reply waiting = user.post("/tenant-payments/" + order, "application/json", "");
        assertThat(waiting.status()).as(waiting.toString()).isEqualTo(201);
        assertThat(waiting.header("Flowgate-Instance-State")).isEqualTo("WAITING");
        return waiting.header("Flowgate-Instance");
    }

    private static Reply tenantCallback(String body, String id, byte[] key) {
        Instant now = Instant.now();
        return standard("/hooks/tenants/payments", body, id, now,
                "v1," + base64Hmac(key, id + "." + now.getEpochSecond() + "." + body));
    }

    private static String whsec(byte[] key) {
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private static Reply github(String path, String body, String delivery, String signature) {
        return Deliveries.github(sender, path, body, delivery, signature);
    }

    private static Reply standard(String path, String body, String id, Instant timestamp, String signature) {
        return Deliveries.standard(sender, path, body, id, timestamp, signature);
    }

    private static String order() {
        return "W-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String orderJson(String order, String name) {
        return "{\"orderId\":\"" + order + "\",\"name\":\"" + name + "\"}";
    }
}
