package io.flowgate.gateway.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.GatewayServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.flowgate.gateway.triggers.TriggerTopics.header;
import static org.assertj.core.api.Assertions.assertThat;

/** Records on Kafka topics start and advance flows through a contract's x-flow-triggers, on a real broker. */
class TriggersIT {

    private static final String EXTERNAL = "stock.external";
    private static final String DELIVERIES = "stock.deliveries";
    private static final String REFUSED = "stock.refused";
    private static TriggerTopics kafka;
    private static GatewayServer gateway;

    @BeforeAll
    static void start() {
        kafka = new TriggerTopics();
        kafka.createTopics(EXTERNAL, DELIVERIES, REFUSED);
        gateway = GatewayServer.start(TriggerFixtures.properties(kafka));
        TriggerFixtures.deployAndPublish(gateway);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aRecordStartsOneInstanceWithTheMappedVariables() throws Exception {
        String sku = unique("sku");
        String id = UUID.randomUUID().toString();

        kafka.send(EXTERNAL, sku, "{\"sku\":\"" + sku + "\",\"qty\":3}", "flowgate-event-id", id, "source", "erp");

        JsonNode instance = TriggerFixtures.awaitInstances(gateway, "restock-review", sku, 1).get(0);
        JsonNode details = gateway.get("/admin/instances/" + instance.path("id").asText()).json();
        assertThat(details.path("state").asText()).isEqualTo("WAITING");
        assertThat(details.path("businessKey").asText()).isEqualTo(sku);
        assertThat(details.path("variables").path("sku").asText()).isEqualTo(sku);
        assertThat(details.path("variables").path("quantity").asInt()).isEqualTo(3);
        assertThat(details.path("variables").path("source").asText()).isEqualTo("erp");
        assertThat(details.path("variables").path("eventId").asText()).isEqualTo(id);
    }

    @Test
    void aRecordDeliveredTwiceWithTheSameIdStartsOneInstance() throws Exception {
        String sku = unique("twice");
        String id = UUID.randomUUID().toString();
        String cloudEvent = unique("twice-ce");
        String ceId = UUID.randomUUID().toString();

        kafka.send(EXTERNAL, sku, "{\"sku\":\"" + sku + "\",\"qty\":1}", "flowgate-event-id", id);
        kafka.send(EXTERNAL, sku, "{\"sku\":\"" + sku + "\",\"qty\":1}", "flowgate-event-id", id);
        kafka.send(EXTERNAL, null, "{\"sku\":\"" + cloudEvent + "\"}", "ce_id", ceId, "ce_type", "stock.low");
        kafka.send(EXTERNAL, null, "{\"sku\":\"" + cloudEvent + "\"}", "ce_id", ceId, "ce_type", "stock.low");

        kafka.awaitCommitted("flowgate", EXTERNAL);
        assertThat(TriggerFixtures.instances(gateway, "restock-review", sku)).hasSize(1);
        assertThat(TriggerFixtures.instances(gateway, "restock-review", cloudEvent)).hasSize(1);
        assertThat(TriggerFixtures.status(gateway, EXTERNAL).path("counts").path("duplicates").asLong())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aCorrelateTriggerMovesTheInstanceWaitingForTheMessage() throws Exception {
        String sku = unique("delivered");
        kafka.send(EXTERNAL, sku, "{\"sku\":\"" + sku + "\",\"qty\":5}");
        String instanceId = TriggerFixtures.awaitInstances(gateway, "restock-review", sku, 1).get(0)
                .path("id").asText();

        kafka.send(DELIVERIES, sku, "{\"sku\":\"" + sku + "\",\"qty\":12}",
                "flowgate-event-id", UUID.randomUUID().toString());

        JsonNode details = TriggerFixtures.awaitActivity(gateway, instanceId, "check");
        assertThat(details.path("variables").path("delivered").asInt()).isEqualTo(12);
        assertThat(details.path("variables").path("quantity").asInt()).isEqualTo(5);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextIsStillProcessed() throws Exception {
        String good = unique("after-poison");
        long unparseable = kafka.send(EXTERNAL, "k1", "not json {", "source", "erp");
        long unmapped = kafka.send(EXTERNAL, "k2", "{\"qty\":1}");
        kafka.send(EXTERNAL, good, "{\"sku\":\"" + good + "\",\"qty\":2}");

        assertThat(TriggerFixtures.awaitInstances(gateway, "restock-review", good, 1)).hasSize(1);
        List<ConsumerRecord<String, String>> dead = kafka.read(EXTERNAL + ".dlt", 2);
        assertThat(dead).hasSize(2);
        ConsumerRecord<String, String> first = dead.get(0);
        assertThat(first.key()).isEqualTo("k1");
        assertThat(first.value()).isEqualTo("not json {");
        assertThat(header(first, "source")).isEqualTo("erp");
        assertThat(header(first, "flowgate-dlt-reason")).isEqualTo("unparseable");
        assertThat(header(first, "flowgate-dlt-detail")).contains("not JSON");
        assertThat(header(first, "flowgate-dlt-attempts")).isEqualTo("1");
        assertThat(header(first, "flowgate-dlt-offset")).isEqualTo(Long.toString(unparseable));
        assertThat(header(first, "flowgate-dlt-message-id")).isEqualTo(EXTERNAL + "-0-" + unparseable);
        assertThat(header(first, "flowgate-dlt-group")).isEqualTo("flowgate");
        assertThat(header(first, "flowgate-dlt-trigger")).isEqualTo("x-flow-triggers[0]");
        ConsumerRecord<String, String> second = dead.get(1);
        assertThat(header(second, "flowgate-dlt-reason")).isEqualTo("mapping-failed");
        assertThat(header(second, "flowgate-dlt-detail")).contains("business-key '{value.sku}' found nothing");
        assertThat(header(second, "flowgate-dlt-offset")).isEqualTo(Long.toString(unmapped));
        kafka.awaitCommitted("flowgate", EXTERNAL);
    }

    @Test
    void aRecordTheFlowRefusesIsTriedAgainThenDeadLetteredAndTheNextIsStillProcessed() throws Exception {
        String nobody = unique("nobody-waits");
        String id = UUID.randomUUID().toString();
        String sku = unique("waits");
        kafka.send(EXTERNAL, sku, "{\"sku\":\"" + sku + "\",\"qty\":1}");
        String instanceId = TriggerFixtures.awaitInstances(gateway, "restock-review", sku, 1).get(0)
                .path("id").asText();

        kafka.send(DELIVERIES, nobody, "{\"sku\":\"" + nobody + "\",\"qty\":1}", "flowgate-event-id", id);
        kafka.send(DELIVERIES, sku, "{\"sku\":\"" + sku + "\",\"qty\":7}");

        TriggerFixtures.awaitActivity(gateway, instanceId, "check");
        ConsumerRecord<String, String> dead = TriggerFixtures.deadLetter(kafka, DELIVERIES + ".dlt", id);
        assertThat(header(dead, "flowgate-dlt-reason")).isEqualTo("flow-refused");
        assertThat(header(dead, "flowgate-dlt-error-code")).isEqualTo("no-matching-instance");
        assertThat(header(dead, "flowgate-dlt-attempts")).isEqualTo("3");
        assertThat(header(dead, "flowgate-dlt-detail")).contains("waits for the message 'deliveryArrived'");
        assertThat(header(dead, "flowgate-dlt-flow")).isEqualTo("restock-review");
    }

    @Test
    void aFlowEndingInABpmnErrorKeepsItsInstanceAndIsDeadLetteredWithTheErrorCode() throws Exception {
        String id = UUID.randomUUID().toString();

        kafka.send(REFUSED, null, "{\"sku\":\"fries\"}", "flowgate-event-id", id);
        kafka.send(REFUSED, null, "{\"sku\":\"fries\"}", "flowgate-event-id", id);

        ConsumerRecord<String, String> dead = TriggerFixtures.deadLetter(kafka, REFUSED + ".dlt", id);
        assertThat(header(dead, "flowgate-dlt-reason")).isEqualTo("flow-error");
        assertThat(header(dead, "flowgate-dlt-error-code")).isEqualTo("OUT_OF_STOCK");
        assertThat(header(dead, "flowgate-dlt-group")).isEqualTo("refusals");
        String instanceId = header(dead, "flowgate-dlt-instance-id");
        assertThat(gateway.get("/admin/instances/" + instanceId).json().path("state").asText()).isEqualTo("ERROR");
        kafka.awaitCommitted("refusals", REFUSED);
        assertThat(kafka.readAll(REFUSED + ".dlt")).filteredOn(r -> id.equals(header(r, "flowgate-dlt-message-id")))
                .hasSize(1);
        assertThat(TriggerFixtures.status(gateway, REFUSED).path("counts").path("duplicates").asLong()).isEqualTo(1);
    }

    @Test
    void listsEveryTriggerAsActive() {
        JsonNode triggers = gateway.get("/admin/triggers").json();

        assertThat(triggers).hasSize(3);
        assertThat(triggers).allSatisfy(t -> assertThat(t.path("active").asBoolean()).as(t.toString()).isTrue());
        assertThat(triggers.get(1).path("topic").asText()).isEqualTo(DELIVERIES);
        assertThat(triggers.get(1).path("group").asText()).isEqualTo("flowgate");
        assertThat(triggers.get(1).path("action").asText()).isEqualTo("correlate");
        assertThat(triggers.get(1).path("message").asText()).isEqualTo("deliveryArrived");
        assertThat(triggers.get(1).path("deadLetterTopic").asText()).isEqualTo(DELIVERIES + ".dlt");
    }

    @Test
    void aContractPublishedLaterIsConsumedAndStopsBeingConsumedWhenDeleted() throws Exception {
        String topic = unique("restock.later");
        kafka.createTopics(topic);
        String contract = "openapi: 3.0.3\ninfo: {title: Later triggers, version: '1'}\n"
                + "x-flow-triggers:\n  - {kafka: {topic: " + topic + ", group: later}, flow: restock-review, "
                + "business-key: '{value.sku}'}\npaths: {}\n";
        assertThat(gateway.post("/admin/contracts", "application/yaml", contract).status()).isEqualTo(201);
        String sku = unique("later");

        kafka.send(topic, sku, "{\"sku\":\"" + sku + "\"}");

        assertThat(TriggerFixtures.awaitInstances(gateway, "restock-review", sku, 1)).hasSize(1);
        kafka.awaitCommitted("later", topic);
        assertThat(gateway.delete("/admin/contracts/later-triggers").status()).isEqualTo(204);
        assertThat(gateway.get("/admin/triggers").json()).extracting(t -> t.path("topic").asText())
                .doesNotContain(topic);
        String unread = unique("unread");
        kafka.send(topic, unread, "{\"sku\":\"" + unread + "\"}");
        Thread.sleep(1000);
        assertThat(TriggerFixtures.instances(gateway, "restock-review", unread)).isEmpty();
    }

    @Test
    void triggersActInTheirFixedTenantOrInTheTenantOfTheInstanceTheyCorrelateTo() throws Exception {
        TenantTriggers.actInTheirTenant(kafka, gateway);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
