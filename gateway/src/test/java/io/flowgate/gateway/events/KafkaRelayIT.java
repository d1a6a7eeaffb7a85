package io.flowgate.gateway.events;

import io.flowgate.connectors.testsupport.KafkaBroker;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.connectors.events.Outbox;
import io.flowgate.connectors.events.OutboxEvent;
import io.flowgate.gateway.GatewayServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka relay on the real gateway against a real in-process Kafka broker (KRaft), which one test stops mid-run
 * and starts again on the same port. Consumers here do what the README asks of every consumer: deduplicate by the
 * event id ({@code ce_id}).
 */
class KafkaRelayIT {

    private static KafkaBroker kafka;
    private static GatewayServer gateway;

    @BeforeAll
    static void start() {
        kafka = KafkaBroker.start(3); // three partitions: order must hold per subject across them
        gateway = GatewayServer.start(Map.of(
                "flowgate.example", false,
                "flowgate.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "flowgate.kafka.request-timeout", "1s",
                "flowgate.kafka.delivery-timeout", "2s",
                "flowgate.events.poll-interval", "100ms",
                "flowgate.events.lease-ttl", "10s",
                "flowgate.events.batch-size", 25));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        kafka.close();
    }

    @Test
    void publishesEachEventToItsFamilysTopicKeyedBySubjectAsACloudEvent() throws Exception {
        OutboxEvent paid = write("order.paid", "downtown", "order-" + UUID.randomUUID(), Map.of("total", 9.5));
        OutboxEvent completed = write("instance.completed", null, "inst-" + UUID.randomUUID(), Map.of());
        OutboxEvent low = write("stock.low", "uptown", "uptown/fries-" + UUID.randomUUID(), Map.of("available", 2));

        ConsumerRecord<String, String> order = awaitRecords("flowgate.order", Set.of(paid.id())).get(0);
        ConsumerRecord<String, String> instance = awaitRecords("flowgate.instance", Set.of(completed.id())).get(0);
        ConsumerRecord<String, String> stock = awaitRecords("flowgate.stock", Set.of(low.id())).get(0);

        assertThat(order.key()).isEqualTo(paid.subject());
        assertThat(instance.key()).isEqualTo(completed.subject());
        assertThat(stock.key()).isEqualTo(low.subject());
        JsonNode value = GatewayServer.JSON.readTree(order.value());
        assertThat(value.path("specversion").asText()).isEqualTo("1.0");
        assertThat(value.path("id").asText()).isEqualTo(paid.id());
        assertThat(value.path("type").asText()).isEqualTo("order.paid");
        assertThat(value.path("source").asText()).isEqualTo("/flowgate");
        assertThat(value.path("subject").asText()).isEqualTo(paid.subject());
        assertThat(value.path("tenant").asText()).isEqualTo("downtown");
        // the outbox keeps event times in milliseconds
        assertThat(value.path("time").asText()).isEqualTo(paid.time().truncatedTo(ChronoUnit.MILLIS).toString());
        assertThat(value.path("data").path("total").asDouble()).isEqualTo(9.5);
        assertThat(header(order, "ce_id")).isEqualTo(paid.id());
        assertThat(header(order, "ce_type")).isEqualTo("order.paid");
        assertThat(header(order, "flowgate-event-id")).isEqualTo(paid.id());
        assertThat(header(order, "content-type")).startsWith("application/cloudevents+json");
        assertThat(header(stock, "ce_tenant")).isEqualTo("uptown");
    }

    @Test
    void deliversEveryEventAfterKafkaWasDownInOrderPerSubjectAndNoneTwiceInEffect() {
        List<String> subjects = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            subjects.add("order-outage-" + UUID.randomUUID());
        }
        List<OutboxEvent> written = new ArrayList<>(writeRound(subjects, 1, 4));
        awaitRecords("flowgate.order", ids(written));

        kafka.stopBroker();
        written.addAll(writeRound(subjects, 5, 10)); // these can only wait in the outbox
        WebhookDeliveryIT.sleep(3_000);              // the relay fails its rounds meanwhile
        kafka.startBroker();
        written.addAll(writeRound(subjects, 11, 12));

        List<ConsumerRecord<String, String>> records = awaitRecords("flowgate.order", ids(written));
        Map<String, List<Integer>> orderPerSubject = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        Map<String, OutboxEvent> byId = written.stream().collect(Collectors.toMap(OutboxEvent::id, e -> e));
        for (ConsumerRecord<String, String> record : records) {
            String id = header(record, "ce_id");
            if (byId.containsKey(id) && seen.add(id)) { // the consumer's deduplication
                OutboxEvent event = byId.get(id);
                assertThat(record.key()).isEqualTo(event.subject());
                orderPerSubject.computeIfAbsent(event.subject(), s -> new ArrayList<>())
                        .add(((Number) event.data().get("n")).intValue());
            }
        }

        assertThat(seen).as("every event, after dedup by id exactly once").isEqualTo(ids(written));
        orderPerSubject.forEach((subject, order) -> assertThat(order).as(subject)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
    }

    /** Events n = from..to for every subject, interleaved. */
    private static List<OutboxEvent> writeRound(List<String> subjects, int from, int to) {
        List<OutboxEvent> written = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            for (String subject : subjects) {
                written.add(write("order.paid", null, subject, Map.of("n", n)));
            }
        }
        return written;
    }

    private static OutboxEvent write(String type, String tenant, String subject, Map<String, Object> data) {
        OutboxEvent event = OutboxEvent.of(type, tenant, subject, data);
        gateway.context().getBean(Outbox.class).append(event);
        return event;
    }

    private static Set<String> ids(List<OutboxEvent> events) {
        return events.stream().map(OutboxEvent::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Reads the topic until every id arrived (or 60 s passed); returns every record of those ids, in topic order. */
    private static List<ConsumerRecord<String, String>> awaitRecords(String topic, Set<String> ids) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<ConsumerRecord<String, String>> mine;
        do {
            mine = kafka.consume(topic, Integer.MAX_VALUE, Duration.ofSeconds(2)).stream()
                    .filter(r -> ids.contains(header(r, "ce_id"))).toList();
        } while (mine.stream().map(r -> header(r, "ce_id")).distinct().count() < ids.size()
                && System.nanoTime() < deadline);
        return mine;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
