package io.flowgate.gateway.ratelimit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.flowgate.contracts.RateLimitSpec;
import io.flowgate.gateway.ratelimit.RateLimitSettings.OnRedisError;
import io.flowgate.gateway.ratelimit.internal.RedisRateLimiter;
import io.flowgate.gateway.testsupport.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RedisRateLimiterIT {

    private static final Duration TIMEOUT = Duration.ofMillis(100);
    private static final RateLimitSpec TEN_PER_MINUTE = new RateLimitSpec(10, Duration.ofMinutes(1),
            RateLimitSpec.Key.PRINCIPAL);
    private static final RateLimitSpec TEN_PER_SECOND = new RateLimitSpec(10, Duration.ofSeconds(1),
            RateLimitSpec.Key.PRINCIPAL);

    private static RedisServer redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.startNew();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Test
    void allowsExactlyTheLimitWhenSixtyFourThreadsHammerOneKey() throws Exception {
        try (RedisRateLimiter limiter = RedisRateLimiter.connect(redis.url(), TIMEOUT, OnRedisError.DENY)) {
            String key = key();

            long allowed = Hammer.count(64, 10, () -> limiter.acquire(key, TEN_PER_MINUTE).allowed());

            assertThat(allowed).isEqualTo(10);
        }
    }

    @Test
    void sharesOneLimitBetweenTwoGatewayNodes() throws Exception {
        try (RedisRateLimiter nodeA = RedisRateLimiter.connect(redis.url(), TIMEOUT, OnRedisError.DENY);
             RedisRateLimiter nodeB = RedisRateLimiter.connect(redis.url(), TIMEOUT, OnRedisError.DENY)) {
            String key = key();
            java.util.concurrent.atomic.AtomicLong turn = new java.util.concurrent.atomic.AtomicLong();
            long started = System.nanoTime();

            long allowed = Hammer.until(64, 3000, 0, () ->
                    (turn.incrementAndGet() % 2 == 0 ? nodeA : nodeB).acquire(key, TEN_PER_SECOND).allowed());

            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            // GCRA: a burst of the limit, then one call per 100 ms: at most 10 + 30 in 3 s (plus the few ms the
            // last in-flight calls took beyond the 3 s)
            assertThat(allowed).isLessThanOrEqualTo(10 + (elapsedMillis + 99) / 100).isGreaterThanOrEqualTo(30);
        }
    }

    @Test
    void reloadsTheScriptAfterScriptFlush() {
        try (RedisRateLimiter limiter = RedisRateLimiter.connect(redis.url(), TIMEOUT, OnRedisError.DENY)) {
            String key = key();
            assertThat(limiter.acquire(key, TEN_PER_MINUTE).remaining()).isEqualTo(9);

            assertThat(redis.command("SCRIPT FLUSH")).isEqualTo("+OK");

            RateDecision after = limiter.acquire(key, TEN_PER_MINUTE);
            assertThat(after.allowed()).isTrue();
            assertThat(after.remaining()).isEqualTo(8);
            assertThat(limiter.outageEpisodes()).isZero();
        }
    }

    @Test
    void expiresItsKeysOnceTheQuotaIsFullAgain() {
        try (RedisRateLimiter limiter = RedisRateLimiter.connect(redis.url(), TIMEOUT, OnRedisError.DENY)) {
            String key = "refunds:" + UUID.randomUUID(); // no spaces: PTTL below goes through the inline protocol
            limiter.acquire(key, TEN_PER_MINUTE);

            long ttl = Long.parseLong(redis.command("PTTL flowgate:rl:" + key).substring(1));
            assertThat(ttl).isBetween(5_000L, 6_001L);
        }
    }

    @Test
    void letsCallsThroughWhileRedisIsDownAndLogsTheOutageOnce() throws Exception {
        ListAppender<ILoggingEvent> log = capture();
        try (RedisServer own = RedisServer.startNew();
             RedisRateLimiter limiter = RedisRateLimiter.connect(own.url(), TIMEOUT, OnRedisError.ALLOW)) {
            String key = key();
            assertThat(limiter.acquire(key, TEN_PER_MINUTE).remaining()).isEqualTo(9);

            own.stop();
            long started = System.nanoTime();
            long allowed = Hammer.count(8, 50, () -> limiter.acquire(key, TEN_PER_MINUTE).allowed());
            long perCallMillis = (System.nanoTime() - started) / 1_000_000 / 50;

            assertThat(allowed).isEqualTo(400);
            assertThat(perCallMillis).isLessThan(150);
            assertThat(limiter.outageEpisodes()).isEqualTo(1);
            assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).hasSize(1);

            own.start();
            awaitCounting(limiter, key);
            assertThat(limiter.outageEpisodes()).isEqualTo(1);
            assertThat(log.list).filteredOn(e -> e.getLevel() == Level.INFO).hasSize(1);
        } finally {
            release(log);
        }
    }

    @Test
    void refusesCallsWhileRedisIsDownWhenConfiguredToDeny() {
        try (RedisServer own = RedisServer.startNew();
             RedisRateLimiter limiter = RedisRateLimiter.connect(own.url(), TIMEOUT, OnRedisError.DENY)) {
            own.stop();

            RateDecision decision = limiter.acquire(key(), TEN_PER_MINUTE);

            assertThat(decision.allowed()).isFalse();
            assertThat(decision.retryAfterSeconds()).isEqualTo(1);
            assertThat(limiter.outageEpisodes()).isEqualTo(1);
        }
    }

    private static void awaitCounting(RedisRateLimiter limiter, String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            // the restarted Redis is empty, so a counted call shows 9 remaining; a call decided without it shows 10
            if (limiter.acquire(key, TEN_PER_MINUTE).remaining() < 10) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the limiter did not use Redis again after it came back");
    }

    private static String key() {
        return "POST /refunds|sub:" + UUID.randomUUID();
    }

    private static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(RedisRateLimiter.class)).addAppender(appender);
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(RedisRateLimiter.class)).detachAppender(appender);
    }
}
