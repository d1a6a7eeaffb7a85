package io.flowgate.gateway.events;

import io.flowgate.connectors.events.Outbox;
import io.flowgate.connectors.events.OutboxEvent;
import io.flowgate.connectors.testsupport.KafkaBroker;
import io.flowgate.gateway.GatewayServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway nodes on one PostgreSQL with one Kafka cluster and one webhook subscriber: whichever node an event is
 * written on, the lease makes one node relay it — each event reaches Kafka once and the subscriber once. When the
 * relaying node stops, the other takes over.
 */
class TwoNodesRelayIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static EmbeddedPostgres postgres;
    private static KafkaBroker kafka;
    private static Subscriber subscriber;
    private static GatewayServer first;
    private static GatewayServer second;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE DATABASE relays");
        }
        kafka = KafkaBroker.start();
        subscriber = Subscriber.start();
        Map<String, Object> node = Map.ofEntries(
                Map.entry("flowgate.db-url", postgres.getJdbcUrl("postgres", "relays")),
                Map.entry("flowgate.db-user", "postgres"),
                Map.entry("flowgate.db-password", ""),
                Map.entry("flowgate.example", false),
                Map.entry("flowgate.kafka.bootstrap-servers", kafka.bootstrapServers()),
                Map.entry("flowgate.kafka.request-timeout", "1s"),
                Map.entry("flowgate.kafka.delivery-timeout", "2s"),
                Map.entry("flowgate.events.poll-interval", "100ms"),
                Map.entry("flowgate.events.lease-ttl", "10s"),
                Map.entry("flowgate.events.webhooks.allow-private-networks", true));
        first = GatewayServer.start(node);
        second = GatewayServer.start(node);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[]{second, first, subscriber, kafka, postgres}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void eachEventIsRelayedOncePerTransportAndTheOtherNodeTakesOverWhenTheRelayingOneStops() throws Exception {
        WebhookDeliveryIT.subscribe(first, subscriber.url(), "order.*");
        List<OutboxEvent> written = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            written.add(write(i % 2 == 0 ? first : second, "order-" + (i % 4), i));
        }

        assertOncePerTransport(written);
        Map<String, String> holders = leaseHolders();
        assertThat(holders.get("kafka")).isIn(relays(first), relays(second));
        assertThat(holders.get("webhooks")).isIn(relays(first), relays(second));

        GatewayServer kafkaRelay = holders.get("kafka").equals(relays(first)) ? first : second;
        GatewayServer survivor = kafkaRelay == first ? second : first;
        kafkaRelay.close();
        List<OutboxEvent> later = new ArrayList<>();
        for (int i = 40; i < 60; i++) {
            later.add(write(survivor, "order-" + (i % 4), i));
        }
        written.addAll(later);

        assertOncePerTransport(written);
        assertThat(leaseHolders().get("kafka")).isEqualTo(relays(survivor));
        assertThat(leaseHolders().get("webhooks")).isEqualTo(relays(survivor));
    }

    /** Every event reached Kafka exactly once and the subscriber exactly once; Kafka kept each subject's order. */
    private static void assertOncePerTransport(List<OutboxEvent> written) {
        List<String> ids = written.stream().map(OutboxEvent::id).toList();
        Map<String, Integer> numbers = written.stream().collect(Collectors.toMap(OutboxEvent::id,
                e -> ((Number) e.data().get("n")).intValue()));
        subscriber.awaitDelivered(d -> d.size() >= written.size(), Duration.ofSeconds(60));
        kafka.consume("flowgate.order", written.size(), Duration.ofSeconds(60));
        WebhookDeliveryIT.sleep(500); // room for a duplicate to show up, if there were one

        List<ConsumerRecord<String, String>> records = kafka.consume("flowgate.order", Integer.MAX_VALUE,
                Duration.ofSeconds(1));
        assertThat(records).extracting(r -> header(r, "ce_id")).as("on Kafka").containsExactlyInAnyOrderElementsOf(ids);
        assertThat(subscriber.received()).extracting(Subscriber.Received::webhookId).as("at the subscriber")
                .containsExactlyInAnyOrderElementsOf(ids);
        records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                        Collectors.mapping(r -> numbers.get(header(r, "ce_id")), Collectors.toList())))
                .forEach((subject, order) -> assertThat(order).as(subject).isSorted());
    }

    private static OutboxEvent write(GatewayServer node, String subject, int n) {
        OutboxEvent event = OutboxEvent.of("order.paid", null, subject + "-" + RUN, Map.of("n", n));
        node.context().getBean(Outbox.class).append(event);
        return event;
    }

    private static String relays(GatewayServer node) {
        return node.context().getBean(EventRelays.class).owner();
    }

    private static Map<String, String> leaseHolders() throws Exception {
        Map<String, String> holders = new HashMap<>();
        try (Connection c = postgres.getDatabase("postgres", "relays").getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, owner FROM event_relay_leases")) {
            while (rs.next()) {
                holders.put(rs.getString(1), rs.getString(2));
            }
        }
        return holders;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
