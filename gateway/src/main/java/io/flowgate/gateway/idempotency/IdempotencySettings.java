package io.flowgate.gateway.idempotency;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code flowgate.idempotency.*}, checked once by {@link #validate()}. */
@ConfigurationProperties("flowgate.idempotency")
public class IdempotencySettings {

    public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(2);
    public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofMinutes(10);
    public static final Duration DEFAULT_REDIS_TIMEOUT = Duration.ofSeconds(1);

    private boolean enabled = true;
    private Duration retention = DEFAULT_RETENTION;
    private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
    private Duration purgeInterval = DEFAULT_PURGE_INTERVAL;
    private Duration redisTimeout = DEFAULT_REDIS_TIMEOUT;

    public void validate() {
        check("retention", "FLOWGATE_IDEMPOTENCY_RETENTION", retention, Duration.ofSeconds(1), Duration.ofDays(30));
        check("lock-timeout", "FLOWGATE_IDEMPOTENCY_LOCK_TIMEOUT", lockTimeout, Duration.ofSeconds(1),
                Duration.ofHours(1));
        check("purge-interval", "FLOWGATE_IDEMPOTENCY_PURGE_INTERVAL", purgeInterval, Duration.ofSeconds(1),
                Duration.ofDays(1));
        check("redis-timeout", "FLOWGATE_IDEMPOTENCY_REDIS_TIMEOUT", redisTimeout, Duration.ofMillis(10),
                Duration.ofSeconds(30));
        if (lockTimeout.compareTo(retention) > 0) {
            throw new IllegalArgumentException("flowgate.idempotency.lock-timeout (" + lockTimeout
                    + ") must not be longer than the retention (" + retention + ")");
        }
    }

    private static void check(String name, String env, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("flowgate.idempotency." + name + " (" + env + ") must be between "
                    + min + " and " + max + ", was " + value);
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public Duration getPurgeInterval() {
        return purgeInterval;
    }

    public void setPurgeInterval(Duration purgeInterval) {
        this.purgeInterval = purgeInterval;
    }

    public Duration getRedisTimeout() {
        return redisTimeout;
    }

    public void setRedisTimeout(Duration redisTimeout) {
        this.redisTimeout = redisTimeout;
    }
}
