package io.flowgate.gateway.ratelimit;

import io.flowgate.gateway.ratelimit.internal.InProcessRateLimiter;
import io.flowgate.gateway.ratelimit.internal.RedisRateLimiter;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the limiter once at start-up: Redis when {@code flowgate.redis-url} ({@code FLOWGATE_REDIS_URL}) is set, so
 * every node shares the counters; otherwise in this process.
 */
@Factory
public class RateLimiterFactory {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiterFactory.class);

    @Singleton
    @Bean(preDestroy = "close")
    public RateLimiter rateLimiter(RateLimitSettings settings, @Nullable @Value("${flowgate.redis-url:}") String url) {
        settings.validate();
        if (url == null || url.isBlank()) {
            return new InProcessRateLimiter();
        }
        LOG.info("rate limits are counted in Redis (on-redis-error: {})",
                settings.onRedisErrorPolicy().name().toLowerCase(java.util.Locale.ROOT));
        return RedisRateLimiter.connect(url, settings.getRedisTimeout(), settings.onRedisErrorPolicy());
    }
}
