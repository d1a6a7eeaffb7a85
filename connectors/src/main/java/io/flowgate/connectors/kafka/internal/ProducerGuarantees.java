package io.flowgate.connectors.kafka.internal;

import io.flowgate.connectors.kafka.KafkaSettings;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.HashMap;
import java.util.Map;

/**
 * The producer's properties and the delivery guarantees Flowgate relies on. Idempotence and {@code acks=all} are
 * written last, so nothing from the settings can weaken them, and {@link #check} reads them back from the parsed
 * configuration before a producer exists: a node whose producer could lose or duplicate records does not start.
 */
public final class ProducerGuarantees {

    /** Room for the key, the headers and the record overhead on top of the largest value. */
    public static final int ENVELOPE_BYTES = 64 * 1024;

    private ProducerGuarantees() {
    }

    /** A producer for the (validated, configured) settings, after {@link #check} accepted its configuration. */
    public static Producer<byte[], byte[]> start(KafkaSettings settings) {
        Map<String, Object> properties = properties(settings);
        check(new ProducerConfig(properties));
        return new KafkaProducer<>(properties);
    }

    public static Map<String, Object> properties(KafkaSettings settings) {
        Map<String, Object> properties = new HashMap<>(settings.getProperties());
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServerList());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, settings.getClientId());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.getRequestTimeout().toMillis());
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.getDeliveryTimeout().toMillis());
        // send() waits this long for metadata (an unreachable cluster, an unknown topic) before failing
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.getRequestTimeout().toMillis());
        // every caller waits for its acknowledgement, so lingering would only add latency
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, settings.getMaxValueSize() + ENVELOPE_BYTES);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return properties;
    }

    /**
     * Refuses a configuration, as Kafka parsed it, whose producer is not idempotent or does not wait for every in-sync
     * replica ({@code acks=all}): retries could then duplicate records, or a leader failure lose acknowledged ones.
     *
     * @throws IllegalStateException naming the effective values
     */
    public static void check(ProducerConfig effective) {
        boolean idempotent = Boolean.TRUE.equals(effective.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        String acks = effective.getString(ProducerConfig.ACKS_CONFIG);
        boolean allReplicas = "all".equalsIgnoreCase(acks.trim()) || "-1".equals(acks.trim());
        if (!idempotent || !allReplicas) {
            throw new IllegalStateException("the Kafka producer must be idempotent with acks=all (no duplicates from "
                    + "its own retries, no acknowledged record lost with a leader), but its effective configuration "
                    + "has enable.idempotence=" + idempotent + " and acks=" + acks);
        }
    }
}
