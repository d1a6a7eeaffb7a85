package io.flowgate.gateway.triggers.internal;

import io.flowgate.contracts.triggers.FlowTrigger;
import io.flowgate.gateway.triggers.TriggerSettings;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One consumer group's consumer on its own thread: poll, process each record in partition order, commit the offsets
 * of the records that are done — only after their engine transaction (or their dead letter) has committed. A crash
 * before the commit redelivers those records; the engine's message ids make that harmless.
 */
final class TriggerConsumer implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(TriggerConsumer.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** How long {@link #stop()} waits for the record in hand; a flow try is bounded by the engine's own limits. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final String group;
    private final Set<String> topics;
    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final RecordProcessor processor;
    private final TriggerSettings settings;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Thread thread;
    private volatile Map<String, FlowTrigger> triggers;
    private volatile Consumer<byte[], byte[]> consumer;

    /** @param triggers the group's triggers by topic; their topics are what it subscribes to */
    TriggerConsumer(String group, Map<String, FlowTrigger> triggers, Supplier<Consumer<byte[], byte[]>> consumers,
                    RecordProcessor processor, TriggerSettings settings) {
        this.group = group;
        this.topics = Set.copyOf(triggers.keySet());
        this.triggers = Map.copyOf(triggers);
        this.consumers = consumers;
        this.processor = processor;
        this.settings = settings;
        this.thread = new Thread(this, "flowgate-trigger-" + group);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    Set<String> topics() {
        return topics;
    }

    boolean isRunning() {
        return thread.isAlive();
    }

    /** New versions of the same topics' triggers (a contract republished): used from the next record on. */
    void use(Map<String, FlowTrigger> next) {
        if (!next.keySet().equals(topics)) {
            throw new IllegalArgumentException("a consumer keeps its topics " + topics + "; restart it for " + next);
        }
        triggers = Map.copyOf(next);
    }

    /** Finishes the record in hand, commits, leaves the group and closes. */
    void stop() {
        stopping.countDown();
        try {
            thread.join(STOP_TIMEOUT.toMillis());
            if (thread.isAlive()) {
                LOG.warn("trigger consumer of group {} did not stop within {}; waking it up", group, STOP_TIMEOUT);
                Consumer<byte[], byte[]> current = consumer;
                if (current != null) {
                    current.wakeup();
                }
                thread.interrupt();
                thread.join(CLOSE_TIMEOUT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        Consumer<byte[], byte[]> opened = null;
        try {
            opened = consumers.get();
            consumer = opened;
            opened.subscribe(topics);
            LOG.info("consuming {} in group {} for x-flow-triggers", topics, group);
            while (!isStopping()) {
                try {
                    pollOnce(opened);
                } catch (WakeupException e) {
                    break;
                } catch (RuntimeException e) {
                    // a rebalance that failed a commit, a broker away: the uncommitted records come again
                    LOG.warn("trigger consumer of group {}: {}", group, e.toString());
                    pause(settings.getOutageBackoff());
                }
            }
        } catch (RuntimeException e) {
            LOG.error("trigger consumer of group {} stopped: {}", group, e.toString(), e);
        } finally {
            consumer = null;
            if (opened != null) {
                closeQuietly(opened);
            }
            LOG.info("stopped consuming {} in group {}", topics, group);
        }
    }

    private void closeQuietly(Consumer<byte[], byte[]> opened) {
        try {
            opened.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        } catch (RuntimeException e) {
            LOG.warn("trigger consumer of group {} did not close cleanly: {}", group, e.toString());
        }
    }

    private void pollOnce(Consumer<byte[], byte[]> opened) {
        ConsumerRecords<byte[], byte[]> records = opened.poll(POLL_TIMEOUT);
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        boolean retryLater = false;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                RecordProcessor.Result result = isStopping() ? RecordProcessor.Result.STOPPED
                        : processor.process(record, triggers.get(record.topic()), this::pause);
                if (result != RecordProcessor.Result.DONE) {
                    // this record and the rest of its partition are read again by the next poll (or the next owner)
                    opened.seek(partition, record.offset());
                    retryLater |= result == RecordProcessor.Result.RETRY_LATER;
                    break;
                }
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        if (!done.isEmpty()) {
            opened.commitSync(done);
        }
        if (retryLater) {
            pause(settings.getOutageBackoff());
        }
    }

    private boolean isStopping() {
        return stopping.getCount() == 0;
    }

    /** @return false when stopping cut the wait short */
    private boolean pause(Duration duration) {
        try {
            return !stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
