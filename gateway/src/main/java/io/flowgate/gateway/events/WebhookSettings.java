package io.flowgate.gateway.events;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code flowgate.events.webhooks.*} ({@code FLOWGATE_EVENTS_WEBHOOKS_*}), checked once by {@link #validate()}.
 *
 * <p>A failed delivery is tried again after {@code backoff-base × backoff-factor^(n-1)} (at most {@code backoff-max},
 * plus up to 10 % jitter, at least a subscriber's {@code Retry-After}); after {@code max-attempts} attempts the event
 * is parked as a dead letter. With the defaults a subscriber may be down for about eleven hours before anything is
 * parked. Subscriber URLs on loopback, private or link-local addresses are refused unless
 * {@code allow-private-networks} is on.
 */
@ConfigurationProperties("flowgate.events.webhooks")
public class WebhookSettings {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofSeconds(10);
    public static final double DEFAULT_BACKOFF_FACTOR = 2.0;
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofHours(1);
    public static final int DEFAULT_MAX_ATTEMPTS = 20;
    public static final int DEFAULT_CONCURRENCY = 16;

    private boolean enabled = true;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration backoffBase = DEFAULT_BACKOFF_BASE;
    private double backoffFactor = DEFAULT_BACKOFF_FACTOR;
    private Duration backoffMax = DEFAULT_BACKOFF_MAX;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private int concurrency = DEFAULT_CONCURRENCY;
    private boolean allowPrivateNetworks;

    public WebhookSettings validate() {
        check("connect-timeout", "CONNECT_TIMEOUT", connectTimeout, Duration.ofMillis(100), Duration.ofMinutes(1));
        check("read-timeout", "READ_TIMEOUT", readTimeout, Duration.ofMillis(100), Duration.ofMinutes(5));
        check("backoff-base", "BACKOFF_BASE", backoffBase, Duration.ofMillis(10), Duration.ofHours(1));
        check("backoff-max", "BACKOFF_MAX", backoffMax, backoffBase, Duration.ofDays(1));
        if (!(backoffFactor >= 1.0 && backoffFactor <= 10.0)) {
            throw new IllegalArgumentException("flowgate.events.webhooks.backoff-factor "
                    + "(FLOWGATE_EVENTS_WEBHOOKS_BACKOFF_FACTOR) must be between 1 and 10, was " + backoffFactor);
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("flowgate.events.webhooks.max-attempts "
                    + "(FLOWGATE_EVENTS_WEBHOOKS_MAX_ATTEMPTS) must be between 1 and 100, was " + maxAttempts);
        }
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("flowgate.events.webhooks.concurrency "
                    + "(FLOWGATE_EVENTS_WEBHOOKS_CONCURRENCY) must be between 1 and 256, was " + concurrency);
        }
        return this;
    }

    private static void check(String name, String env, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("flowgate.events.webhooks." + name + " (FLOWGATE_EVENTS_WEBHOOKS_" + env
                    + ") must be between " + min + " and " + max + ", was " + value);
        }
    }

    /** Deliveries one subscription may have in flight at once: half the pool, so one slow subscriber cannot hold it. */
    public int perSubscriptionConcurrency() {
        return Math.max(1, concurrency / 2);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** How long a subscriber has to answer once connected; no answer in time is a failed attempt. */
    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public Duration getBackoffBase() {
        return backoffBase;
    }

    public void setBackoffBase(Duration backoffBase) {
        this.backoffBase = backoffBase;
    }

    public double getBackoffFactor() {
        return backoffFactor;
    }

    public void setBackoffFactor(double backoffFactor) {
        this.backoffFactor = backoffFactor;
    }

    public Duration getBackoffMax() {
        return backoffMax;
    }

    public void setBackoffMax(Duration backoffMax) {
        this.backoffMax = backoffMax;
    }

    /** Attempts per event and subscription, the first included, before it is parked as a dead letter. */
    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** Deliveries in flight at once on the relaying node. */
    public int getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    public boolean isAllowPrivateNetworks() {
        return allowPrivateNetworks;
    }

    public void setAllowPrivateNetworks(boolean allowPrivateNetworks) {
        this.allowPrivateNetworks = allowPrivateNetworks;
    }
}
