package io.flowgate.gateway.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.GatewayServer;

import java.util.List;
import java.util.UUID;

import static io.flowgate.gateway.triggers.TriggerTopics.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Triggers of tenants, one scenario run by {@link TriggersIT} (H2) and {@link TenantTriggersOnPostgresIT}. Its
 * contract has a start trigger fixed to bistro, one fixed to diner, a correlation fixed to diner and one in the
 * tenant of the instance. Bistro's instance starts in bistro; diner's deliveries never reach it (no matching
 * instance, dead lettered), the instance-tenant correlation does; when bistro and diner each have an instance with
 * the key, the instance-tenant correlation is ambiguous, dead lettered, and neither instance moves.
 */
final class TenantTriggers {

    private final TriggerTopics kafka;
    private final GatewayServer gateway;

    private TenantTriggers(TriggerTopics kafka, GatewayServer gateway) {
        this.kafka = kafka;
        this.gateway = gateway;
    }

    /** Publishes the contract (deleted afterwards) on a gateway where restock-review is deployed, and runs it. */
    static void actInTheirTenant(TriggerTopics kafka, GatewayServer gateway) throws InterruptedException {
        new TenantTriggers(kafka, gateway).run();
    }

    private void run() throws InterruptedException {
        String bistroStarts = unique("bistro.starts");
        String dinerStarts = unique("diner.starts");
        String dinerDeliveries = unique("diner.deliveries");
        String deliveries = unique("deliveries.by.instance");
        kafka.createTopics(bistroStarts, dinerStarts, dinerDeliveries, deliveries);
        String start = "flow: restock-review, business-key: '{value.sku}'";
        String correlate = "flow: restock-review, action: correlate, message: deliveryArrived, "
                + "business-key: '{value.sku}', variables: {delivered: '{value.qty}'}";
        String contract = "openapi: 3.0.3\ninfo: {title: Tenant triggers, version: '1'}\nx-flow-triggers:\n"
                + "  - {kafka: {topic: " + bistroStarts + ", group: tenants}, " + start + ", tenant: {fixed: bistro}}\n"
                + "  - {kafka: {topic: " + dinerStarts + ", group: tenants}, " + start + ", tenant: {fixed: diner}}\n"
                + "  - {kafka: {topic: " + dinerDeliveries + ", group: tenants}, " + correlate
                + ", tenant: {fixed: diner}}\n"
                + "  - {kafka: {topic: " + deliveries + ", group: tenants}, " + correlate + ", tenant: instance}\n"
                + "paths: {}\n";
        GatewayServer.Reply published = gateway.post("/admin/contracts", "application/yaml", contract);
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        try {
            bistroThenEither(bistroStarts, dinerStarts, dinerDeliveries, deliveries);
        } finally {
            gateway.delete("/admin/contracts/tenant-triggers");
        }
    }

    /** The scenario, on the contract's four topics. */
    private void bistroThenEither(String bistroStarts, String dinerStarts, String dinerDeliveries, String deliveries)
            throws InterruptedException {
        String sku = unique("bistro-sku");
        String shared = unique("shared-sku");

        kafka.send(bistroStarts, sku, "{\"sku\":\"" + sku + "\"}");
        String bistro = TriggerFixtures.awaitInstances(gateway, "restock-review", sku, 1).get(0).path("id").asText();
        assertThat(gateway.get("/admin/instances/" + bistro).json().path("tenantId").asText()).isEqualTo("bistro");
        String forDiner = UUID.randomUUID().toString();
        kafka.send(dinerDeliveries, sku, "{\"sku\":\"" + sku + "\",\"qty\":4}", "flowgate-event-id", forDiner);
        assertThat(header(TriggerFixtures.deadLetter(kafka, dinerDeliveries + ".dlt", forDiner),
                "flowgate-dlt-error-code")).as("diner's deliveries never reach bistro")
                .isEqualTo("no-matching-instance");
        kafka.send(deliveries, sku, "{\"sku\":\"" + sku + "\",\"qty\":9}");
        assertThat(TriggerFixtures.awaitActivity(gateway, bistro, "check").path("variables").path("delivered").asInt())
                .isEqualTo(9);

        kafka.send(bistroStarts, shared, "{\"sku\":\"" + shared + "\"}");
        kafka.send(dinerStarts, shared, "{\"sku\":\"" + shared + "\"}");
        List<JsonNode> both = TriggerFixtures.awaitInstances(gateway, "restock-review", shared, 2);
        String ambiguous = UUID.randomUUID().toString();
        kafka.send(deliveries, shared, "{\"sku\":\"" + shared + "\",\"qty\":1}", "flowgate-event-id", ambiguous);
        assertThat(header(TriggerFixtures.deadLetter(kafka, deliveries + ".dlt", ambiguous),
                "flowgate-dlt-error-code")).isEqualTo("ambiguous-match");
        for (JsonNode instance : both) {
            JsonNode details = gateway.get("/admin/instances/" + instance.path("id").asText()).json();
            assertThat(details.path("variables").has("delivered")).as(details.toString()).isFalse();
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
