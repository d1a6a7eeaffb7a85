package io.flowgate.gateway.ratelimit;

import io.flowgate.contracts.RateLimitSpec;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;
import java.util.Locale;

/**
 * {@code flowgate.rate-limit.*}: the switch, the limit of operations that declare no {@code x-rate-limit}, and what
 * the Redis limiter does when Redis does not answer. Checked once by {@link #validate()}.
 */
@ConfigurationProperties("flowgate.rate-limit")
public class RateLimitSettings {

    public static final int DEFAULT_LIMIT = 1000;
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(1);
    public static final Duration DEFAULT_REDIS_TIMEOUT = Duration.ofMillis(100);

    /** What the Redis limiter decides while Redis is unreachable. */
    public enum OnRedisError {
        /** Let calls through (the default): a limiter outage must not become an API outage. */
        ALLOW,
        /** Refuse calls with 429: for deployments where the limit protects something that must never be flooded. */
        DENY
    }

    private boolean enabled = true;
    private int defaultLimit = DEFAULT_LIMIT;
    private Duration defaultWindow = DEFAULT_WINDOW;
    private String defaultKey = "principal";
    private String onRedisError = "allow";
    private Duration redisTimeout = DEFAULT_REDIS_TIMEOUT;

    public void validate() {
        if (defaultLimit < 1) {
            throw new IllegalArgumentException("flowgate.rate-limit.default-limit (FLOWGATE_RATE_LIMIT_DEFAULT_LIMIT)"
                    + " must be at least 1, was " + defaultLimit);
        }
        if (defaultWindow == null || defaultWindow.toMillis() < 1 || defaultWindow.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("flowgate.rate-limit.default-window (FLOWGATE_RATE_LIMIT_DEFAULT_WINDOW)"
                    + " must be between 1ms and 1d, was " + defaultWindow);
        }
        if (redisTimeout == null || redisTimeout.toMillis() < 1 || redisTimeout.toMillis() > 10_000) {
            throw new IllegalArgumentException("flowgate.rate-limit.redis-timeout (FLOWGATE_RATE_LIMIT_REDIS_TIMEOUT)"
                    + " must be between 1ms and 10s, was " + redisTimeout);
        }
        defaultKey();
        onRedisErrorPolicy();
    }

    /** The limit applied to operations without {@code x-rate-limit}. */
    public RateLimitSpec defaultSpec() {
        return new RateLimitSpec(defaultLimit, defaultWindow, defaultKey());
    }

    public RateLimitSpec.Key defaultKey() {
        try {
            return RateLimitSpec.Key.valueOf(defaultKey.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("flowgate.rate-limit.default-key (FLOWGATE_RATE_LIMIT_DEFAULT_KEY) must"
                    + " be principal, tenant or ip, was " + defaultKey, e);
        }
    }

    public OnRedisError onRedisErrorPolicy() {
        try {
            return OnRedisError.valueOf(onRedisError.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("flowgate.rate-limit.on-redis-error (FLOWGATE_RATE_LIMIT_ON_REDIS_ERROR)"
                    + " must be allow or deny, was " + onRedisError, e);
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getDefaultLimit() {
        return defaultLimit;
    }

    public void setDefaultLimit(int defaultLimit) {
        this.defaultLimit = defaultLimit;
    }

    public Duration getDefaultWindow() {
        return defaultWindow;
    }

    public void setDefaultWindow(Duration defaultWindow) {
        this.defaultWindow = defaultWindow;
    }

    public String getDefaultKey() {
        return defaultKey;
    }

    public void setDefaultKey(String defaultKey) {
        this.defaultKey = defaultKey;
    }

    public String getOnRedisError() {
        return onRedisError;
    }

    public void setOnRedisError(String onRedisError) {
        this.onRedisError = onRedisError;
    }

    public Duration getRedisTimeout() {
        return redisTimeout;
    }

    public void setRedisTimeout(Duration redisTimeout) {
        this.redisTimeout = redisTimeout;
    }
}
