package io.flowgate.connectors.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.ConnectorRegistry;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.testsupport.KafkaBroker;
import io.flowgate.connectors.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** {@code kafka.publish} against a real (in-process) Kafka broker. */
class KafkaPublishConnectorIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration READ = Duration.ofSeconds(20);

    private static KafkaBroker broker;
    private static KafkaPublisher publisher;
    private static KafkaPublishConnector connector;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.start();
        KafkaSettings settings = new KafkaSettings();
        settings.setBootstrapServers(broker.bootstrapServers());
        publisher = new KafkaPublisher(settings);
        connector = new KafkaPublishConnector(publisher);
    }

    @AfterAll
    static void stop() {
        if (publisher != null) {
            publisher.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void publishesKeyJsonValueAndHeadersThatAConsumerReadsBackExactly() throws Exception {
        String topic = newTopic();
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("orderId", "A-1001");
        value.put("total", 12.5);
        value.put("lines", List.of(Map.of("sku", "burger", "qty", 2)));

        Map<String, Object> outputs = connector.execute(request("instance-7", Map.of("topic", topic,
                "key", "A-1001", "value", value, "headers", Map.of("source", "orders"))));

        assertThat(outputs).containsEntry("topic", topic).containsEntry("partition", 0).containsEntry("offset", 0L);
        List<ConsumerRecord<String, String>> records = broker.consume(topic, 1, READ);
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("A-1001");
            assertThat(JSON.readTree(record.value())).isEqualTo(JSON.valueToTree(value));
            assertThat(headers(record)).containsExactly(Map.entry("source", "orders"),
                    Map.entry("flowgate-idempotency-key", "instance-7:Publish"));
        });
    }

    @Test
    void aRetriedTaskMayPublishAgainWithTheSameIdempotencyKeyForConsumersToDeduplicate() {
        String topic = newTopic();
        ConnectorRequest request = request("instance-8", Map.of("topic", topic, "value", "order placed"));

        Object first = connector.execute(request).get("offset");
        Object second = connector.execute(request).get("offset");

        assertThat(List.of(first, second)).containsExactly(0L, 1L);
        assertThat(broker.consume(topic, 2, READ)).hasSize(2).allSatisfy(record -> {
            assertThat(record.value()).isEqualTo("\"order placed\"");
            assertThat(headers(record)).containsEntry("flowgate-idempotency-key", "instance-8:Publish");
        });
    }

    @Test
    void refusesABadTopicOrValueAsInvalidInputAndPublishesNothing() {
        String topic = newTopic();

        assertThatThrownBy(() -> connector.execute(request("instance-9", Map.of("topic", "no such/topic",
                "value", 1)))).isInstanceOfSatisfying(ConnectorBusinessError.class,
                error -> assertThat(error.code()).isEqualTo("INVALID_INPUT"));
        assertThatThrownBy(() -> connector.execute(request("instance-9", Map.of("topic", topic,
                "value", "{not json")))).isInstanceOfSatisfying(ConnectorBusinessError.class,
                error -> assertThat(error.code()).isEqualTo("INVALID_INPUT"));
        assertThat(broker.consume(topic, 1, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void anUnreachableBrokerIsATechnicalFailureWithinTheDeliveryTimeout() throws Exception {
        KafkaSettings settings = new KafkaSettings();
        settings.setBootstrapServers("127.0.0.1:" + closedPort());
        settings.setRequestTimeout(Duration.ofMillis(500));
        settings.setDeliveryTimeout(Duration.ofSeconds(1));
        try (KafkaPublisher unreachable = new KafkaPublisher(settings)) {
            KafkaPublishConnector nowhere = new KafkaPublishConnector(unreachable);
            long started = System.nanoTime();

            Throwable failure = catchThrowable(() -> nowhere.execute(request("instance-10",
                    Map.of("topic", "orders", "value", 1))));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(failure).isInstanceOf(KafkaPublishFailed.class).isNotInstanceOf(ConnectorBusinessError.class)
                    .hasMessageContaining("publishing to Kafka topic 'orders' failed");
        }
    }

    @Test
    void theApplicationContextStartsTheProducerOnlyWhenConfigured() {
        String topic = newTopic();
        try (HikariDataSource pool = TestDatabase.pool(4);
             HikariDataSource barePool = TestDatabase.pool(4);
             ApplicationContext configured = ApplicationContext.builder().singletons(pool)
                     .properties(Map.of("flowgate.kafka.bootstrap-servers", broker.bootstrapServers(),
                             "flowgate.kafka.properties.security.protocol", "PLAINTEXT")).start();
             ApplicationContext bare = ApplicationContext.builder().singletons(barePool).start()) {
            assertThat(configured.getBean(KafkaSettings.class).getProperties())
                    .containsExactly(Map.entry("security.protocol", "PLAINTEXT"));
            assertThat(configured.getBean(ConnectorRegistry.class).unavailable()).doesNotContainKey("kafka.publish");
            assertThat(configured.getBean(KafkaPublishConnector.class).execute(request("instance-11",
                    Map.of("topic", topic, "value", Map.of("ok", true))))).containsEntry("offset", 0L);

            assertThat(bare.getBean(ConnectorRegistry.class).unavailable())
                    .containsEntry("kafka.publish", KafkaSettings.NOT_CONFIGURED);
        }
    }

    private static String newTopic() {
        String topic = "orders-" + UUID.randomUUID();
        broker.createTopic(topic, 1);
        return topic;
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static ConnectorRequest request(String instanceId, Map<String, Object> inputs) {
        return new ConnectorRequest(instanceId, "Publish", null, null, inputs);
    }
}
