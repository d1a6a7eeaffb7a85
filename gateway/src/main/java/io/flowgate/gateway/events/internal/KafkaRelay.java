package io.flowgate.gateway.events.internal;

import io.flowgate.connectors.events.StoredEvent;
import io.flowgate.connectors.kafka.KafkaPublisher;
import io.flowgate.connectors.kafka.KafkaSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Kafka relay's round: read unhandled outbox rows, publish them wave by wave ({@link SubjectWaves}) through the
 * node's idempotent {@code acks=all} producer, and record each acknowledged row as handled. The first failure ends
 * the round; the next round starts again from the oldest unhandled row, so while Kafka is down events wait in the
 * outbox and drain in order per subject once it is back. A row acknowledged whose record could not be written as
 * handled is published again (at least once): consumers deduplicate by the event id.
 */
public final class KafkaRelay implements RelayLoop.Round {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRelay.class);

    private final KafkaPublisher publisher;
    private final OutboxReader reader;
    private final String topicPrefix;
    private final int batchSize;
    private final int maxValueSize;
    /** The longest one wave may take: queueing may wait the request timeout, acknowledgement the delivery timeout. */
    private final Duration waveTimeout;
    private long downSince = -1;

    public KafkaRelay(KafkaPublisher publisher, OutboxReader reader, String topicPrefix, int batchSize) {
        KafkaSettings kafka = publisher.settings();
        this.publisher = publisher;
        this.reader = reader;
        this.topicPrefix = topicPrefix;
        this.batchSize = batchSize;
        this.maxValueSize = kafka.getMaxValueSize();
        this.waveTimeout = kafka.getDeliveryTimeout().plus(kafka.getRequestTimeout()).plusSeconds(1);
    }

    /** How long a round can hold the lease without renewing it: the lease must last longer. */
    public Duration waveTimeout() {
        return waveTimeout;
    }

    @Override
    public boolean run(RelayLease lease) throws InterruptedException {
        List<StoredEvent> batch = reader.unhandled(batchSize);
        if (batch.isEmpty()) {
            reader.compact();
            return false;
        }
        for (List<StoredEvent> wave : SubjectWaves.of(batch)) {
            if (!lease.acquire()) {
                return false; // another node took over (this one stalled past the lease): it goes on from here
            }
            RuntimeException failure = publish(wave);
            if (failure != null) {
                down(failure);
                reader.compact();
                return false;
            }
        }
        up();
        reader.compact();
        return batch.size() == batchSize;
    }

    /** Sends the wave, waits for every acknowledgement, records the acknowledged rows; the first failure or null. */
    private RuntimeException publish(List<StoredEvent> wave) throws InterruptedException {
        List<Long> handled = new ArrayList<>();
        Map<StoredEvent, CompletableFuture<KafkaPublisher.Published>> sent = new LinkedHashMap<>();
        for (StoredEvent row : wave) {
            KafkaPublisher.Message record = KafkaRecords.of(row.event(), topicPrefix);
            if (record.value().length > maxValueSize) {
                // no broker would ever take it: waiting for it would stop every later event for good
                LOG.error("event {} ({}, {} bytes) is larger than flowgate.kafka.max-value-size ({} bytes) and is "
                        + "not published to Kafka", row.event().id(), row.event().type(), record.value().length,
                        maxValueSize);
                handled.add(row.seq());
                continue;
            }
            CompletableFuture<KafkaPublisher.Published> ack = publisher.send(record);
            sent.put(row, ack);
            if (ack.isCompletedExceptionally()) {
                break; // not even queued (no broker reachable): the rest of the wave would wait just as long
            }
        }
        RuntimeException failure = null;
        long deadline = System.nanoTime() + waveTimeout.toNanos();
        for (Map.Entry<StoredEvent, CompletableFuture<KafkaPublisher.Published>> entry : sent.entrySet()) {
            try {
                entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                handled.add(entry.getKey().seq());
            } catch (ExecutionException e) {
                failure = failure != null ? failure : new IllegalStateException(String.valueOf(e.getCause()));
            } catch (TimeoutException e) {
                failure = failure != null ? failure : new IllegalStateException("no acknowledgement within "
                        + waveTimeout.toMillis() + " ms");
            }
        }
        reader.markHandled(handled);
        return failure;
    }

    private void down(RuntimeException failure) {
        if (downSince < 0) {
            downSince = System.nanoTime();
            LOG.warn("Kafka does not take events ({}); they wait in the outbox and are sent in order once it does. "
                    + "Logged once per outage.", failure.getMessage());
        }
    }

    private void up() {
        if (downSince >= 0) {
            LOG.info("Kafka takes events again after {} ms; the waiting events are being sent",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - downSince));
            downSince = -1;
        }
    }
}
