package io.flowgate.connectors.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.ConnectorErrorSpec;
import io.flowgate.connectors.ConnectorParameter;
import io.flowgate.connectors.ConnectorRegistry;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.builtin.SetVariablesConnector;
import io.flowgate.connectors.kafka.internal.PublishInputs;
import io.flowgate.connectors.templates.ElementTemplates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Everything {@code kafka.publish} decides before a broker is involved; KafkaPublishConnectorIT publishes. */
class KafkaPublishConnectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaPublishConnector notConfigured = new KafkaPublishConnector(new KafkaPublisher(new KafkaSettings()));

    @Test
    void isRegisteredButUnavailableWithAClearReasonWhenKafkaIsNotConfigured() {
        ConnectorRegistry registry = new ConnectorRegistry(List.of(new SetVariablesConnector(), notConfigured));

        assertThat(registry.ids()).contains("kafka.publish");
        assertThat(registry.unavailable()).containsExactly(Map.entry("kafka.publish",
                "Kafka is not configured on this node: set FLOWGATE_KAFKA_BOOTSTRAP_SERVERS "
                        + "(flowgate.kafka.bootstrap-servers)"));
    }

    @Test
    void aTaskReachedOnANodeWithoutKafkaFailsTechnicallyWithTheReason() {
        assertThatThrownBy(() -> notConfigured.execute(request(Map.of("topic", "orders", "value", Map.of("a", 1)))))
                .isInstanceOf(IllegalStateException.class).isNotInstanceOf(ConnectorBusinessError.class)
                .hasMessageContaining("FLOWGATE_KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void declaresTopicKeyValueAndHeadersInAndWhereTheRecordWasStoredOut() {
        assertThat(notConfigured.descriptor().id()).isEqualTo("kafka.publish");
        assertThat(notConfigured.descriptor().inputs()).extracting(ConnectorParameter::name, ConnectorParameter::required)
                .containsExactly(tuple("topic", true), tuple("key", false), tuple("value", true),
                        tuple("headers", false));
        assertThat(notConfigured.descriptor().outputs()).extracting(ConnectorParameter::name)
                .containsExactly("topic", "partition", "offset");
        assertThat(notConfigured.descriptor().errors()).extracting(ConnectorErrorSpec::code).containsExactly("INVALID_INPUT");
    }

    @Test
    void itsElementTemplateIsValidAgainstCamundasSchema() throws Exception {
        JsonNode template = ElementTemplates.template(notConfigured.descriptor());
        JsonNode schema;
        try (InputStream in = ElementTemplates.class.getResourceAsStream("element-templates-schema.json")) {
            schema = JSON.readTree(in);
        }

        assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema).validate(template))
                .extracting(ValidationMessage::toString).isEmpty();
        assertThat(template.path("id").asText()).isEqualTo("io.flowgate.connector.kafka.publish");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no topic             |                    | 'topic' is required
            space in topic       | orders placed      | 'topic' must be 1 to 249 letters
            slash in topic       | orders/placed      | 'topic' must be 1 to 249 letters
            internal topic       | __consumer_offsets | not '.', '..' or an internal topic
            dot topic            | ..                 | not '.', '..' or an internal topic
            """)
    void refusesABadTopicAsInvalidInput(String rule, String topic, String reason) {
        Map<String, Object> inputs = new HashMap<>(Map.of("value", Map.of("a", 1)));
        inputs.put("topic", topic);

        assertInvalid(inputs, reason);
    }

    @Test
    void refusesAMissingOrUnusableValueAsInvalidInput() {
        assertInvalid(Map.of("topic", "orders"), "'value' is required");
        assertInvalid(Map.of("topic", "orders", "value", new Object()), "'value' must be a JSON object, array, text");
        assertInvalid(Map.of("topic", "orders", "value", "{\"a\": "), "does not parse");
        assertInvalid(Map.of("topic", "orders", "value", "x".repeat(1_000_001)),
                "more than flowgate.kafka.max-value-size (1000000)");
    }

    @Test
    void refusesHeadersThatAreNotTextOrThatReplaceTheIdempotencyKey() {
        assertInvalid(Map.of("topic", "t", "value", 1, "headers", List.of("a")), "'headers' must be an object");
        assertInvalid(Map.of("topic", "t", "value", 1, "headers", Map.of("a", Map.of("b", 1))), "must be text");
        assertInvalid(Map.of("topic", "t", "value", 1, "headers", Map.of("Flowgate-Idempotency-Key", "mine")),
                "must not set flowgate-idempotency-key");
        assertInvalid(Map.of("topic", "t", "value", 1, "key", Map.of("id", 1)), "'key' must be text");
    }

    @Test
    void writesTheValueAsJsonAndTextHoldingAnObjectAsThatObject() {
        assertThat(value(Map.of("orderId", "A-1"))).isEqualTo("{\"orderId\":\"A-1\"}");
        assertThat(value(List.of(1, "two"))).isEqualTo("[1,\"two\"]");
        assertThat(value(12.5)).isEqualTo("12.5");
        assertThat(value(true)).isEqualTo("true");
        assertThat(value(" {\"orderId\": \"A-1\"} ")).isEqualTo("{\"orderId\":\"A-1\"}");
        assertThat(value("order placed")).isEqualTo("\"order placed\"");
        assertThat(value("42")).isEqualTo("\"42\"");
    }

    @Test
    void everyRecordCarriesTheTasksIdempotencyKey() {
        Map<String, Object> inputs = new LinkedHashMap<>(Map.of("topic", "orders", "value", 1));
        inputs.put("headers", "{\"source\": \"flowgate\"}");

        KafkaPublisher.Message message = PublishInputs.read(request(inputs), 1024);

        assertThat(message.headers()).containsExactly(Map.entry("source", "flowgate"),
                Map.entry("flowgate-idempotency-key", "instance-1:Publish"));
        assertThat(message.key()).isNull();
    }

    private static String value(Object value) {
        byte[] bytes = PublishInputs.read(request(Map.of("topic", "t", "value", value)), 1024).value();
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void assertInvalid(Map<String, Object> inputs, String reason) {
        assertThatThrownBy(() -> notConfigured.execute(request(inputs))).as(inputs.keySet().toString())
                .isInstanceOfSatisfying(ConnectorBusinessError.class,
                        error -> assertThat(error.code()).isEqualTo("INVALID_INPUT"))
                .hasMessageContaining(reason);
    }

    private static ConnectorRequest request(Map<String, Object> inputs) {
        return new ConnectorRequest("instance-1", "Publish", null, null, inputs);
    }
}
