package io.flowgate.connectors.kafka;

import io.flowgate.connectors.kafka.internal.ProducerGuarantees;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * This node's one Kafka producer, created at start-up when {@code flowgate.kafka.bootstrap-servers} is set and closed
 * at shutdown. The producer is idempotent with {@code acks=all}, forced and checked before it starts
 * ({@link ProducerGuarantees}): a start-up with weaker settings fails.
 *
 * <p>{@link #publish} waits for the acknowledgement, so a record it returned for is stored on every in-sync replica.
 * Delivery is at least once for callers that retry: a record whose acknowledgement was lost may be stored twice, so
 * records should carry a key consumers can deduplicate on.
 */
@Context
public final class KafkaPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaPublisher.class);

    /** One record to publish. {@code key} may be null; header values are UTF-8 text. */
    public record Message(String topic, String key, byte[] value, Map<String, String> headers) {

        public Message {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }
    }

    /** Where the broker stored an acknowledged record. */
    public record Published(String topic, int partition, long offset) {
    }

    private final KafkaSettings settings;
    private final Producer<byte[], byte[]> producer;

    public KafkaPublisher(KafkaSettings settings) {
        this.settings = settings.validate();
        this.producer = settings.isConfigured() ? ProducerGuarantees.start(settings) : null;
        if (producer == null) {
            LOG.info("Kafka is not configured (flowgate.kafka.bootstrap-servers): flows using kafka.publish are "
                    + "refused at deploy");
        } else {
            LOG.info("Kafka producer '{}' for {} (idempotent, acks=all)", settings.getClientId(),
                    settings.bootstrapServerList());
        }
    }

    /** Why nothing can be published from this node, or empty when Kafka is configured. */
    public Optional<String> unavailableReason() {
        return settings.unavailableReason();
    }

    public KafkaSettings settings() {
        return settings;
    }

    /**
     * Sends the record and waits for the acknowledgement, at most {@code flowgate.kafka.delivery-timeout}.
     *
     * @throws KafkaPublishFailed when it was not acknowledged in time or was refused; it may still have been stored
     * @throws IllegalStateException when Kafka is not configured on this node
     */
    public Published publish(Message message) {
        if (producer == null) {
            throw new IllegalStateException(KafkaSettings.NOT_CONFIGURED);
        }
        long deadline = System.nanoTime() + settings.getDeliveryTimeout().toNanos();
        Future<RecordMetadata> sent;
        try {
            sent = producer.send(new ProducerRecord<>(message.topic(), null, bytes(message.key()), message.value(),
                    headers(message.headers())));
        } catch (KafkaException | IllegalStateException e) {
            throw new KafkaPublishFailed(message.topic(), String.valueOf(e.getMessage()), e);
        }
        try {
            RecordMetadata stored = sent.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return new Published(stored.topic(), stored.partition(), stored.offset());
        } catch (TimeoutException e) {
            throw new KafkaPublishFailed(message.topic(), "no acknowledgement within "
                    + settings.getDeliveryTimeout().toMillis() + "ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaPublishFailed(message.topic(), "interrupted while waiting for the acknowledgement", e);
        } catch (ExecutionException e) {
            throw new KafkaPublishFailed(message.topic(), String.valueOf(e.getCause()), e.getCause());
        }
    }

    /**
     * Sends the record without waiting for it. The future completes with where the broker stored it once acknowledged,
     * or exceptionally with {@link KafkaPublishFailed} when it was refused or not acknowledged within
     * {@code flowgate.kafka.delivery-timeout}; a record that cannot even be queued (no metadata within the request
     * timeout, producer closed) fails it at once. For callers that send many records and wait for them together
     * (the outbox relay). A failed record does not stop later ones to the same partition: a caller that needs order
     * per key sends a key's next record only after the previous one was acknowledged.
     *
     * @throws IllegalStateException when Kafka is not configured on this node
     */
    public CompletableFuture<Published> send(Message message) {
        if (producer == null) {
            throw new IllegalStateException(KafkaSettings.NOT_CONFIGURED);
        }
        CompletableFuture<Published> result = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(message.topic(), null, bytes(message.key()), message.value(),
                    headers(message.headers())), (stored, error) -> {
                if (error == null) {
                    result.complete(new Published(stored.topic(), stored.partition(), stored.offset()));
                } else {
                    result.completeExceptionally(new KafkaPublishFailed(message.topic(), String.valueOf(error), error));
                }
            });
        } catch (KafkaException | IllegalStateException e) {
            result.completeExceptionally(new KafkaPublishFailed(message.topic(), String.valueOf(e.getMessage()), e));
        }
        return result;
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<Header> headers(Map<String, String> headers) {
        List<Header> list = new ArrayList<>(headers.size());
        headers.forEach((name, value) -> list.add(new RecordHeader(name, bytes(value))));
        return list;
    }

    /** Waits up to the request timeout for records still in flight, then drops them. */
    @PreDestroy
    @Override
    public void close() {
        if (producer != null) {
            producer.close(settings.getRequestTimeout());
        }
    }
}
