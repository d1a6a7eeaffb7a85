package io.flowgate.connectors.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.naming.conventions.StringConvention;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code flowgate.kafka.*} ({@code FLOWGATE_KAFKA_*}), checked once by {@link #validate()}.
 *
 * <p>Off by default: with no {@code bootstrap-servers} no producer is created and {@code kafka.publish} reports
 * itself unavailable, so flows using it are refused at deploy. Delivery guarantees ({@code enable.idempotence},
 * {@code acks}) are not settings: they are forced, see {@link KafkaPublisher}. The only producer properties that
 * may be passed through are the connection's security ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}).
 */
@ConfigurationProperties("flowgate.kafka")
public class KafkaSettings {

    public static final String DEFAULT_CLIENT_ID = "flowgate";
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Below the broker's default {@code message.max.bytes} (1 MiB + 12 bytes), leaving room for the key, the headers
     * and the batch overhead: a default broker accepts every value this lets through.
     */
    public static final int DEFAULT_MAX_VALUE_SIZE = 1_000_000;
    public static final int MAX_VALUE_SIZE_LIMIT = 64 * 1024 * 1024;
    public static final String NOT_CONFIGURED = "Kafka is not configured on this node: set "
            + "FLOWGATE_KAFKA_BOOTSTRAP_SERVERS (flowgate.kafka.bootstrap-servers)";

    private static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    private String bootstrapServers = "";
    private String clientId = DEFAULT_CLIENT_ID;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Duration deliveryTimeout = DEFAULT_DELIVERY_TIMEOUT;
    private int maxValueSize = DEFAULT_MAX_VALUE_SIZE;
    private Map<String, String> properties = Map.of();

    public KafkaSettings validate() {
        for (String server : servers()) {
            if (!server.matches("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+):\\d{1,5}")
                    || Integer.parseInt(server.substring(server.lastIndexOf(':') + 1)) > 65535) {
                throw new IllegalArgumentException("flowgate.kafka.bootstrap-servers (FLOWGATE_KAFKA_BOOTSTRAP_SERVERS) "
                        + "takes comma-separated host:port pairs such as kafka-1:9092,kafka-2:9092, was '" + server
                        + "'");
            }
        }
        if (clientId == null || !clientId.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("flowgate.kafka.client-id (FLOWGATE_KAFKA_CLIENT_ID) must be 1 to 100 "
                    + "letters, digits, '.', '_' or '-', was '" + clientId + "'");
        }
        check("request-timeout", "FLOWGATE_KAFKA_REQUEST_TIMEOUT", requestTimeout, MIN_TIMEOUT, MAX_TIMEOUT);
        check("delivery-timeout", "FLOWGATE_KAFKA_DELIVERY_TIMEOUT", deliveryTimeout, MIN_TIMEOUT, MAX_TIMEOUT);
        if (deliveryTimeout.compareTo(requestTimeout) < 0) {
            // Kafka's own rule (delivery.timeout.ms >= linger.ms + request.timeout.ms, linger is 0 here)
            throw new IllegalArgumentException("flowgate.kafka.delivery-timeout (FLOWGATE_KAFKA_DELIVERY_TIMEOUT) must "
                    + "be at least flowgate.kafka.request-timeout (" + requestTimeout + "), was " + deliveryTimeout);
        }
        if (maxValueSize < 1024 || maxValueSize > MAX_VALUE_SIZE_LIMIT) {
            throw new IllegalArgumentException("flowgate.kafka.max-value-size (FLOWGATE_KAFKA_MAX_VALUE_SIZE) must be "
                    + "between 1024 and " + MAX_VALUE_SIZE_LIMIT + " bytes, was " + maxValueSize);
        }
        properties.keySet().forEach(KafkaSettings::checkProperty);
        return this;
    }

    private static void checkProperty(String name) {
        boolean security = name.equals("security.protocol") || name.startsWith("sasl.") || name.startsWith("ssl.");
        if (!security) {
            throw new IllegalArgumentException("flowgate.kafka.properties may only hold the connection's security "
                    + "settings (security.protocol, sasl.*, ssl.*); '" + name + "' is not one (delivery settings "
                    + "such as acks and enable.idempotence are fixed by Flowgate)");
        }
        if (!ProducerConfig.configNames().contains(name)) {
            throw new IllegalArgumentException("flowgate.kafka.properties: '" + name + "' is not a Kafka producer "
                    + "setting (misspelt?)");
        }
    }

    private static void check(String name, String env, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("flowgate.kafka." + name + " (" + env + ") must be between " + min
                    + " and " + max + ", was " + value);
        }
    }

    /** True when bootstrap servers are set: only then does a producer start. */
    public boolean isConfigured() {
        return !servers().isEmpty();
    }

    /** Why {@code kafka.publish} cannot run here, or empty when Kafka is configured. */
    public Optional<String> unavailableReason() {
        return isConfigured() ? Optional.empty() : Optional.of(NOT_CONFIGURED);
    }

    /** The bootstrap servers as Kafka takes them: comma-separated, without blanks. */
    public String bootstrapServerList() {
        return String.join(",", servers());
    }

    private List<String> servers() {
        return bootstrapServers == null ? List.of()
                : Arrays.stream(bootstrapServers.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public String getBootstrapServers() {
        return bootstrapServers;
    }

    public void setBootstrapServers(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers == null ? "" : bootstrapServers;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Duration getDeliveryTimeout() {
        return deliveryTimeout;
    }

    public void setDeliveryTimeout(Duration deliveryTimeout) {
        this.deliveryTimeout = deliveryTimeout;
    }

    public int getMaxValueSize() {
        return maxValueSize;
    }

    public void setMaxValueSize(int maxValueSize) {
        this.maxValueSize = maxValueSize;
    }

    /** Extra producer properties (security only), by their Kafka names, e.g. {@code sasl.mechanism}. */
    public Map<String, String> getProperties() {
        return properties;
    }

    /** Keys are kept as Kafka spells them ({@code ssl.truststore.location}), not split into nested maps. */
    public void setProperties(@MapFormat(transformation = MapFormat.MapTransformation.FLAT,
            keyFormat = StringConvention.RAW) Map<String, String> properties) {
        this.properties = properties == null ? Map.of() : new TreeMap<>(properties);
    }
}
