package io.flowgate.gateway.events;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code flowgate.events.*} ({@code FLOWGATE_EVENTS_*}): the relays that carry the outbox out, checked once by
 * {@link #validate()}. Webhook delivery has its own {@link WebhookSettings}.
 *
 * <p>On by default: the webhook relay always runs (it has nothing to do without subscriptions), the Kafka relay
 * whenever {@code flowgate.kafka.bootstrap-servers} is set. One node per relay works at a time (a database lease).
 */
@ConfigurationProperties("flowgate.events")
public class EventsSettings {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);
    public static final int DEFAULT_BATCH_SIZE = 200;
    public static final Duration DEFAULT_LEASE_TTL = Duration.ofMinutes(1);
    /**
     * How long a missing outbox seq is waited for. Long enough for any Flowgate transaction (a flow call is bounded
     * by its timeouts); each poll re-reads the rows after the oldest gap younger than this, so not much longer.
     */
    public static final Duration DEFAULT_GAP_TIMEOUT = Duration.ofMinutes(2);
    public static final String DEFAULT_TOPIC_PREFIX = "flowgate.";
    /** How long outbox events are kept (Kafka's default log retention); 0 = for ever. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    private boolean enabled = true;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private Duration leaseTtl = DEFAULT_LEASE_TTL;
    private Duration gapTimeout = DEFAULT_GAP_TIMEOUT;
    private boolean kafkaEnabled = true;
    private String topicPrefix = DEFAULT_TOPIC_PREFIX;
    private Duration retention = DEFAULT_RETENTION;

    public EventsSettings validate() {
        check("poll-interval", "FLOWGATE_EVENTS_POLL_INTERVAL", pollInterval, Duration.ofMillis(10),
                Duration.ofMinutes(1));
        check("lease-ttl", "FLOWGATE_EVENTS_LEASE_TTL", leaseTtl, Duration.ofSeconds(1), Duration.ofHours(1));
        check("gap-timeout", "FLOWGATE_EVENTS_GAP_TIMEOUT", gapTimeout, Duration.ofSeconds(1), Duration.ofDays(1));
        if (retention == null || !retention.isZero()) {
            check("retention", "FLOWGATE_EVENTS_RETENTION", retention, Duration.ofHours(1), Duration.ofDays(3650));
        }
        if (leaseTtl.compareTo(pollInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("flowgate.events.lease-ttl (FLOWGATE_EVENTS_LEASE_TTL) must be at "
                    + "least twice the poll interval (" + pollInterval + ") so the holder renews it in time, was "
                    + leaseTtl);
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("flowgate.events.batch-size (FLOWGATE_EVENTS_BATCH_SIZE) must be "
                    + "between 1 and 10000, was " + batchSize);
        }
        // Kafka's legal topic characters; the family (order, instance, …) is appended
        if (topicPrefix == null || !topicPrefix.matches("[A-Za-z0-9._-]{0,200}")) {
            throw new IllegalArgumentException("flowgate.events.topic-prefix (FLOWGATE_EVENTS_TOPIC_PREFIX) may hold "
                    + "only letters, digits, '.', '_' and '-' (at most 200), was '" + topicPrefix + "'");
        }
        return this;
    }

    private static void check(String name, String env, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("flowgate.events." + name + " (" + env + ") must be between " + min
                    + " and " + max + ", was " + value);
        }
    }

    /** The Kafka topic of an event family: {@code flowgate.order} for {@code order}. */
    public String topicOf(String family) {
        return topicPrefix + family;
    }

    /** Master switch: off → no relay runs on this node (subscriptions can still be managed). */
    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** How often an idle relay looks for new events (a relay with a full batch goes on at once). */
    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    /** Outbox rows read per round. */
    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    /** How long a relay lease lasts without renewal: how soon another node takes over from a dead one. */
    public Duration getLeaseTtl() {
        return leaseTtl;
    }

    public void setLeaseTtl(Duration leaseTtl) {
        this.leaseTtl = leaseTtl;
    }

    /** How long a missing outbox seq (a write not committed yet) is waited for before it counts as rolled back. */
    public Duration getGapTimeout() {
        return gapTimeout;
    }

    public void setGapTimeout(Duration gapTimeout) {
        this.gapTimeout = gapTimeout;
    }

    /** Switch of the Kafka relay; it runs only where Kafka is configured as well. */
    public boolean isKafkaEnabled() {
        return kafkaEnabled;
    }

    public void setKafkaEnabled(boolean kafkaEnabled) {
        this.kafkaEnabled = kafkaEnabled;
    }

    public String getTopicPrefix() {
        return topicPrefix;
    }

    public void setTopicPrefix(String topicPrefix) {
        this.topicPrefix = topicPrefix == null ? "" : topicPrefix;
    }

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }
}
