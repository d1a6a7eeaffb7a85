package io.flowgate.gateway.triggers.internal;

import io.flowgate.connectors.kafka.KafkaSettings;
import io.flowgate.contracts.triggers.FlowTrigger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes records a trigger cannot process to their dead-letter topic: key, value and headers byte for byte, plus
 * {@code flowgate-dlt-*} headers saying why. Waits for the acknowledgement ({@code acks=all}, idempotent producer);
 * only then is the original record committed. A crash in between publishes it twice: dead letters are at least
 * once, with {@code flowgate-dlt-message-id} to deduplicate on.
 */
final class DeadLetters implements AutoCloseable {

    static final String PREFIX = "flowgate-dlt-";
    private static final int MAX_DETAIL = 1000;

    private final Producer<byte[], byte[]> producer;
    private final KafkaSettings settings;

    DeadLetters(KafkaSettings settings) {
        this.settings = settings;
        this.producer = new KafkaProducer<>(properties(settings), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    private static Map<String, Object> properties(KafkaSettings settings) {
        Map<String, Object> properties = new HashMap<>(settings.getProperties());
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServerList());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, settings.getClientId() + "-dead-letters");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.getRequestTimeout().toMillis());
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.getDeliveryTimeout().toMillis());
        // without it, send() blocks up to a minute for metadata when the broker is away
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.getRequestTimeout().toMillis());
        return properties;
    }

    /**
     * @throws IllegalStateException when the broker did not acknowledge it; the record must not be committed then
     */
    void send(String topic, ConsumerRecord<byte[], byte[]> record, String group, String messageId,
              FlowTrigger trigger, DeadLetter letter) {
        List<Header> headers = new ArrayList<>();
        record.headers().forEach(h -> {
            if (!h.key().startsWith(PREFIX)) {
                headers.add(h); // a record dead-lettered before keeps only its latest reason
            }
        });
        why(record, group, messageId, trigger, letter).forEach((name, value) ->
                headers.add(new RecordHeader(PREFIX + name, value.getBytes(StandardCharsets.UTF_8))));
        try {
            producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers))
                    .get(settings.getDeliveryTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing to " + topic, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new IllegalStateException("cannot publish to " + topic + ": " + e, e);
        }
    }

    private static Map<String, String> why(ConsumerRecord<byte[], byte[]> record, String group, String messageId,
                                           FlowTrigger trigger, DeadLetter letter) {
        Map<String, String> why = new LinkedHashMap<>();
        why.put("reason", letter.reason().value());
        String detail = String.valueOf(letter.detail());
        why.put("detail", detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 3) + "...");
        if (letter.errorCode() != null) {
            why.put("error-code", letter.errorCode());
        }
        why.put("attempts", Integer.toString(letter.attempts()));
        why.put("message-id", messageId);
        why.put("topic", record.topic());
        why.put("partition", Integer.toString(record.partition()));
        why.put("offset", Long.toString(record.offset()));
        why.put("group", group);
        why.put("contract", trigger.contractName());
        why.put("trigger", trigger.location());
        why.put("flow", trigger.flowId());
        if (letter.instanceId() != null) {
            why.put("instance-id", letter.instanceId());
        }
        return why;
    }

    @Override
    public void close() {
        producer.close(settings.getRequestTimeout());
    }
}
