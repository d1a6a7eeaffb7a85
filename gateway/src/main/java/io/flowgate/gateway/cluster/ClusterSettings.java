package io.flowgate.gateway.cluster;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code flowgate.cluster.*} (environment: {@code FLOWGATE_CLUSTER_SYNC_INTERVAL}, {@code _SYNC_GAP_TIMEOUT}), checked
 * once by {@link #validate()}: how this node follows contract and flow changes made on other nodes.
 */
@ConfigurationProperties("flowgate.cluster")
public class ClusterSettings {

    /** How often the outbox is read for changes made elsewhere; zero turns following off (a single node). */
    public static final Duration DEFAULT_SYNC_INTERVAL = Duration.ofSeconds(1);
    /**
     * How long a change's transaction may stay open after it wrote its outbox row. Rows are numbered when written,
     * not when committed, so a lower number can appear late; it is looked for that long.
     */
    public static final Duration DEFAULT_SYNC_GAP_TIMEOUT = Duration.ofMinutes(2);

    private Duration syncInterval = DEFAULT_SYNC_INTERVAL;
    private Duration syncGapTimeout = DEFAULT_SYNC_GAP_TIMEOUT;

    public ClusterSettings validate() {
        if (syncInterval == null || syncInterval.isNegative() || syncInterval.compareTo(Duration.ofMinutes(10)) > 0
                || (!syncInterval.isZero() && syncInterval.compareTo(Duration.ofMillis(50)) < 0)) {
            throw new IllegalArgumentException("flowgate.cluster.sync-interval (FLOWGATE_CLUSTER_SYNC_INTERVAL) must "
                    + "be 0 (off) or between 50ms and 10m, was " + syncInterval);
        }
        if (syncGapTimeout == null || syncGapTimeout.compareTo(Duration.ofSeconds(1)) < 0
                || syncGapTimeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("flowgate.cluster.sync-gap-timeout (FLOWGATE_CLUSTER_SYNC_GAP_TIMEOUT) "
                    + "must be between 1s and 1h, was " + syncGapTimeout);
        }
        return this;
    }

    public Duration getSyncInterval() {
        return syncInterval;
    }

    public void setSyncInterval(Duration syncInterval) {
        this.syncInterval = syncInterval;
    }

    public Duration getSyncGapTimeout() {
        return syncGapTimeout;
    }

    public void setSyncGapTimeout(Duration syncGapTimeout) {
        this.syncGapTimeout = syncGapTimeout;
    }
}
