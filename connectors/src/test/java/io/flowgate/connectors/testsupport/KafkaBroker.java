package io.flowgate.connectors.testsupport;

import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A one-node Kafka cluster (KRaft, broker and controller combined) running inside the test JVM, on a free port. Starts
 * in a few seconds; share one per test class and close it afterwards.
 *
 * <p>The internal topics (consumer offsets, transactions, share groups) get replication factor 1: their default of 3
 * cannot be met by one broker, and consumer groups would then never receive anything.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Map<String, Object> SINGLE_NODE = Map.of(
            "offsets.topic.replication.factor", "1",
            "offsets.topic.num.partitions", "1",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "share.coordinator.state.topic.replication.factor", "1",
            "share.coordinator.state.topic.min.isr", "1",
            "group.initial.rebalance.delay.ms", "0",
            "auto.create.topics.enable", "true");

    private final KafkaClusterTestKit cluster;
    private final String bootstrapServers;

    private KafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
        this.bootstrapServers = cluster.bootstrapServers();
    }

    /** Formats and starts the cluster and waits until its broker is ready; new topics get one partition. */
    public static KafkaBroker start() {
        return start(1);
    }

    /** As {@link #start()}, with {@code partitions} partitions for topics created on first use. */
    public static KafkaBroker start(int partitions) {
        KafkaClusterTestKit cluster = null;
        try {
            TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                    .setNumControllerNodes(1).build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            SINGLE_NODE.forEach(builder::setConfigProp);
            builder.setConfigProp("num.partitions", Integer.toString(partitions));
            cluster = builder.build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new KafkaBroker(cluster);
        } catch (Exception e) {
            closeQuietly(cluster);
            throw new IllegalStateException("the in-process Kafka broker did not start: " + e, e);
        }
    }

    /** {@code host:port} of the broker, for {@code bootstrap.servers}; the same after a stop and start. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Shuts the broker down (connections dropped, port closed) while the controller and the data stay: what a Kafka
     * outage looks like to a client.
     */
    public void stopBroker() {
        for (BrokerServer broker : cluster.brokers().values()) {
            broker.shutdown();
            broker.awaitShutdown();
        }
    }

    /** Starts the broker again on its old port (the test kit re-opens it) and waits until it serves. */
    public void startBroker() {
        try {
            for (BrokerServer broker : cluster.brokers().values()) {
                broker.startup();
            }
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not start again: " + e, e);
        }
    }

    /** Creates a topic (replication factor 1) and waits until the broker has it. */
    public void createTopic(String name, int partitions) {
        try (Admin admin = cluster.admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("topic " + name + " was not created: " + e, e);
        }
    }

    /**
     * Reads the topic from its beginning until {@code count} records arrived or {@code timeout} passed, whichever
     * comes first; returns what arrived (fewer than {@code count} after a timeout). Keys, values and headers are
     * UTF-8 text. Partitions are assigned directly, so no consumer group is involved.
     */
    public List<ConsumerRecord<String, String>> consume(String topic, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            if (partitions.isEmpty()) {
                return records; // no such topic
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (records.size() < count && System.nanoTime() < deadline) {
                long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                consumer.poll(Duration.ofMillis(Math.min(left, 200))).forEach(records::add);
            }
        }
        return records;
    }

    /** The topics the broker knows, internal ones included. */
    public Set<String> topics() {
        try (Admin admin = cluster.admin()) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("topics could not be listed: " + e, e);
        }
    }

    @Override
    public void close() {
        closeQuietly(cluster);
    }

    private static void closeQuietly(KafkaClusterTestKit cluster) {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            // a test's own failure matters more than a broker that does not stop cleanly
        }
    }
}
