package io.flowgate.gateway.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.GatewayServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The flows and contract the trigger tests use, and waiting for what consumers do in the background. */
final class TriggerFixtures {

    private static final long TIMEOUT_NANOS = 30_000_000_000L;

    private TriggerFixtures() {
    }

    /** The gateway's properties for the broker: quick retries, and contracts' triggers picked up within 200 ms. */
    static Map<String, Object> properties(TriggerTopics kafka) {
        return Map.of("flowgate.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "flowgate.triggers.retry-backoff", "50ms", "flowgate.triggers.refresh-interval", "200ms");
    }

    static void deployAndPublish(GatewayServer gateway) {
        for (String flow : List.of("triggers/restock-review.bpmn", "triggers/restock-refused.bpmn")) {
            assertThat(gateway.deployFlow(flow).status()).as(flow).isIn(200, 201);
        }
        GatewayServer.Reply published = gateway.publishContract("triggers/stock-triggers.yaml");
        assertThat(published.status()).as(published.toString()).isIn(200, 201);
    }

    static List<JsonNode> instances(GatewayServer gateway, String flow, String businessKey) {
        JsonNode page = gateway.get("/admin/instances?flow=" + flow + "&businessKey=" + businessKey).json();
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        return items;
    }

    /** Waits until the flow has exactly {@code count} instances with the business key. */
    static List<JsonNode> awaitInstances(GatewayServer gateway, String flow, String businessKey, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        List<JsonNode> found = instances(gateway, flow, businessKey);
        while (found.size() != count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            found = instances(gateway, flow, businessKey);
        }
        assertThat(found).as("instances of %s with business key %s", flow, businessKey).hasSize(count);
        return found;
    }

    /** Waits until the instance's current activities include {@code activityId}; returns its details. */
    static JsonNode awaitActivity(GatewayServer gateway, String instanceId, String activityId)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        JsonNode details = gateway.get("/admin/instances/" + instanceId).json();
        while (!activities(details).contains(activityId) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            details = gateway.get("/admin/instances/" + instanceId).json();
        }
        assertThat(activities(details)).as(details.toString()).contains(activityId);
        return details;
    }

    private static List<String> activities(JsonNode details) {
        List<String> ids = new ArrayList<>();
        details.path("activities").forEach(a -> ids.add(a.path("id").asText()));
        return ids;
    }

    /** The dead letter of the message, waiting for it. */
    static ConsumerRecord<String, String> deadLetter(TriggerTopics kafka, String topic, String messageId)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : kafka.readAll(topic)) {
                if (messageId.equals(TriggerTopics.header(record, "flowgate-dlt-message-id"))) {
                    return record;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no dead letter for message " + messageId + " on " + topic);
    }

    /** The trigger on the topic as {@code GET /admin/triggers} shows it. */
    static JsonNode status(GatewayServer gateway, String topic) {
        for (JsonNode trigger : gateway.get("/admin/triggers").json()) {
            if (trigger.path("topic").asText().equals(topic)) {
                return trigger;
            }
        }
        throw new AssertionError("no trigger on " + topic);
    }
}
