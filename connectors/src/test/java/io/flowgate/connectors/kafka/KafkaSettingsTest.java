package io.flowgate.connectors.kafka;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaSettingsTest {

    @Test
    void isOffByDefaultAndSaysWhatToSet() {
        KafkaSettings settings = new KafkaSettings();

        assertThatCode(settings::validate).doesNotThrowAnyException();
        assertThat(settings.isConfigured()).isFalse();
        assertThat(settings.unavailableReason()).contains("Kafka is not configured on this node: set "
                + "FLOWGATE_KAFKA_BOOTSTRAP_SERVERS (flowgate.kafka.bootstrap-servers)");
        assertThat(settings.getMaxValueSize()).isEqualTo(1_000_000);
        assertThat(settings.getDeliveryTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void takesCommaSeparatedBootstrapServers() {
        KafkaSettings settings = new KafkaSettings();
        settings.setBootstrapServers(" kafka-1:9092, kafka-2:9092 ,,[::1]:9093");

        assertThat(settings.validate().isConfigured()).isTrue();
        assertThat(settings.bootstrapServerList()).isEqualTo("kafka-1:9092,kafka-2:9092,[::1]:9093");
        assertThat(settings.unavailableReason()).isEmpty();
    }

    @Test
    void refusesABootstrapServerWithoutAPort() {
        for (String wrong : new String[] {"kafka-1", "kafka-1:99999", "PLAINTEXT://kafka-1:9092"}) {
            KafkaSettings settings = new KafkaSettings();
            settings.setBootstrapServers(wrong);
            assertThatThrownBy(settings::validate).as(wrong).hasMessageContaining("FLOWGATE_KAFKA_BOOTSTRAP_SERVERS");
        }
    }

    @Test
    void passesOnlySecurityPropertiesThrough() {
        KafkaSettings security = new KafkaSettings();
        security.setProperties(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN",
                "ssl.truststore.location", "/etc/kafka/truststore.jks"));
        assertThatCode(security::validate).doesNotThrowAnyException();

        for (String delivery : new String[] {"acks", "enable.idempotence", "retries", "transactional.id"}) {
            KafkaSettings settings = new KafkaSettings();
            settings.setProperties(Map.of(delivery, "x"));
            assertThatThrownBy(settings::validate).as(delivery)
                    .hasMessageContaining("only hold the connection's security settings").hasMessageContaining(delivery);
        }
    }

    @Test
    void refusesAMisspeltSecurityProperty() {
        KafkaSettings settings = new KafkaSettings();
        settings.setProperties(Map.of("sasl.mechansim", "PLAIN"));

        assertThatThrownBy(settings::validate).hasMessageContaining("'sasl.mechansim' is not a Kafka producer setting");
    }

    @Test
    void refusesADeliveryTimeoutShorterThanTheRequestTimeout() {
        KafkaSettings settings = new KafkaSettings();
        settings.setRequestTimeout(Duration.ofSeconds(20));
        settings.setDeliveryTimeout(Duration.ofSeconds(10));

        assertThatThrownBy(settings::validate).hasMessageContaining("FLOWGATE_KAFKA_DELIVERY_TIMEOUT");
    }

    @Test
    void refusesAMaxValueSizeOutOfRange() {
        KafkaSettings settings = new KafkaSettings();
        settings.setMaxValueSize(10);

        assertThatThrownBy(settings::validate).hasMessageContaining("FLOWGATE_KAFKA_MAX_VALUE_SIZE");
    }
}
