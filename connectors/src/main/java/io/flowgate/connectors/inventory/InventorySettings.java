package io.flowgate.connectors.inventory;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code flowgate.inventory.*} (environment: {@code FLOWGATE_INVENTORY_DEFAULT_TTL}, {@code _MAX_TTL},
 * {@code _SWEEP_INTERVAL}, {@code _LOW_STOCK_THRESHOLD}), checked once by {@link #validate()}.
 */
@ConfigurationProperties("flowgate.inventory")
public class InventorySettings {

    /** How long a reservation holds stock when the flow gives no ttl. */
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);
    /** The longest ttl a flow may ask for. */
    public static final Duration DEFAULT_MAX_TTL = Duration.ofHours(24);
    /** How often expired holds are released; zero turns the background sweep off. */
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(30);
    /** {@code stock.low} is emitted when available stock falls from at least this to below it; 0 turns it off. */
    public static final long DEFAULT_LOW_STOCK_THRESHOLD = 5;
    private static final long MAX_LOW_STOCK_THRESHOLD = 1_000_000_000L;

    private Duration defaultTtl = DEFAULT_TTL;
    private Duration maxTtl = DEFAULT_MAX_TTL;
    private Duration sweepInterval = DEFAULT_SWEEP_INTERVAL;
    private long lowStockThreshold = DEFAULT_LOW_STOCK_THRESHOLD;

    public InventorySettings validate() {
        if (maxTtl == null || maxTtl.compareTo(Duration.ofSeconds(1)) < 0
                || maxTtl.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("flowgate.inventory.max-ttl (FLOWGATE_INVENTORY_MAX_TTL) must be "
                    + "between 1s and 30 days, was " + maxTtl);
        }
        if (defaultTtl == null || defaultTtl.compareTo(Duration.ofSeconds(1)) < 0 || defaultTtl.compareTo(maxTtl) > 0) {
            throw new IllegalArgumentException("flowgate.inventory.default-ttl (FLOWGATE_INVENTORY_DEFAULT_TTL) must "
                    + "be between 1s and max-ttl (" + maxTtl + "), was " + defaultTtl);
        }
        if (sweepInterval == null || sweepInterval.isNegative() || sweepInterval.compareTo(Duration.ofHours(1)) > 0
                || (!sweepInterval.isZero() && sweepInterval.compareTo(Duration.ofMillis(100)) < 0)) {
            throw new IllegalArgumentException("flowgate.inventory.sweep-interval (FLOWGATE_INVENTORY_SWEEP_INTERVAL) "
                    + "must be 0 (off) or between 100ms and 1h, was " + sweepInterval);
        }
        if (lowStockThreshold < 0 || lowStockThreshold > MAX_LOW_STOCK_THRESHOLD) {
            throw new IllegalArgumentException("flowgate.inventory.low-stock-threshold "
                    + "(FLOWGATE_INVENTORY_LOW_STOCK_THRESHOLD) must be 0 (off) or up to " + MAX_LOW_STOCK_THRESHOLD
                    + ", was " + lowStockThreshold);
        }
        return this;
    }

    public Duration getDefaultTtl() {
        return defaultTtl;
    }

    public void setDefaultTtl(Duration defaultTtl) {
        this.defaultTtl = defaultTtl;
    }

    public Duration getMaxTtl() {
        return maxTtl;
    }

    public void setMaxTtl(Duration maxTtl) {
        this.maxTtl = maxTtl;
    }

    public Duration getSweepInterval() {
        return sweepInterval;
    }

    public void setSweepInterval(Duration sweepInterval) {
        this.sweepInterval = sweepInterval;
    }

    public long getLowStockThreshold() {
        return lowStockThreshold;
    }

    public void setLowStockThreshold(long lowStockThreshold) {
        this.lowStockThreshold = lowStockThreshold;
    }
}
