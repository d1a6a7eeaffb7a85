package io.flowgate.connectors.kafka;

import io.flowgate.connectors.kafka.internal.ProducerGuarantees;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProducerGuaranteesTest {

    @Test
    void theProducerIsIdempotentAndWaitsForAllReplicas() {
        ProducerConfig effective = new ProducerConfig(ProducerGuarantees.properties(configured()));

        assertThat(effective.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)).isTrue();
        // Kafka normalises acks=all to its wire value
        assertThat(effective.getString(ProducerConfig.ACKS_CONFIG)).isEqualTo("-1");
        assertThat(effective.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).isEqualTo(30_000);
        assertThat(effective.getLong(ProducerConfig.MAX_BLOCK_MS_CONFIG)).isEqualTo(10_000);
        assertThatCode(() -> ProducerGuarantees.check(effective)).doesNotThrowAnyException();
    }

    @Test
    void securityPropertiesArePassedOnButCannotWeakenDelivery() {
        KafkaSettings settings = configured();
        settings.setProperties(Map.of("security.protocol", "SSL"));

        Map<String, Object> properties = ProducerGuarantees.properties(settings);

        assertThat(properties).containsEntry("security.protocol", "SSL")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all");
    }

    @Test
    void theStartUpCheckRefusesAProducerThatIsNotIdempotent() {
        ProducerConfig weak = config(Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.ACKS_CONFIG, "all"));

        assertThatThrownBy(() -> ProducerGuarantees.check(weak)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be idempotent with acks=all")
                .hasMessageContaining("enable.idempotence=false and acks=-1");
    }

    @Test
    void theStartUpCheckRefusesAProducerThatDoesNotWaitForAllReplicas() {
        ProducerConfig leaderOnly = config(Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.ACKS_CONFIG, "1"));

        assertThatThrownBy(() -> ProducerGuarantees.check(leaderOnly)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("acks=1");
    }

    @Test
    void theStartUpCheckAcceptsAcksWrittenAsAllOrMinusOne() {
        assertThatCode(() -> ProducerGuarantees.check(config(Map.of(ProducerConfig.ACKS_CONFIG, "all"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> ProducerGuarantees.check(config(Map.of(ProducerConfig.ACKS_CONFIG, "-1"))))
                .doesNotThrowAnyException();
    }

    private static KafkaSettings configured() {
        KafkaSettings settings = new KafkaSettings();
        settings.setBootstrapServers("127.0.0.1:9092");
        return settings.validate();
    }

    private static ProducerConfig config(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
        properties.putAll(overrides);
        return new ProducerConfig(properties);
    }
}
