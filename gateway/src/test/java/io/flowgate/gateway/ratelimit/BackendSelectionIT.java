package io.flowgate.gateway.ratelimit;

import io.flowgate.contracts.RateLimitSpec;
import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.idempotency.IdempotencyStore;
import io.flowgate.gateway.idempotency.Reservation;
import io.flowgate.gateway.idempotency.internal.JdbcIdempotencyStore;
import io.flowgate.gateway.idempotency.internal.LocalIdempotencyStore;
import io.flowgate.gateway.idempotency.internal.RedisIdempotencyStore;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.ratelimit.internal.InProcessRateLimiter;
import io.flowgate.gateway.ratelimit.internal.RedisRateLimiter;
import io.flowgate.gateway.testsupport.RedisServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The real gateway picks its back-ends from {@code flowgate.redis-url} and binds the documented settings. */
class BackendSelectionIT {

    private static final Caller ALICE = new Caller("alice", "acme", Set.of(), Map.of());

    @Test
    void countsInTheProcessAndKeepsKeysInTheEmbeddedDatabaseWithoutRedis() {
        try (GatewayServer gateway = GatewayServer.start(Map.of("flowgate.example", false,
                "flowgate.rate-limit.default-limit", 2))) {
            assertThat(gateway.context().getBean(RateLimiter.class)).isInstanceOf(InProcessRateLimiter.class);
            assertThat(gateway.context().getBean(IdempotencyStore.class)).isInstanceOf(LocalIdempotencyStore.class);
            assertDefaultLimitOfTwo(gateway.context().getBean(RateLimitStage.class));
            assertReservesOnce(gateway.context().getBean(IdempotencyStore.class));
        }
    }

    @Test
    void reservesKeysAsRowsOnAConfiguredDatabaseThatOtherNodesMayShare() {
        try (GatewayServer gateway = GatewayServer.start(Map.of("flowgate.example", false,
                "flowgate.db-url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"))) {
            assertThat(gateway.context().getBean(IdempotencyStore.class)).isInstanceOf(JdbcIdempotencyStore.class);
            assertReservesOnce(gateway.context().getBean(IdempotencyStore.class));
        }
    }

    @Test
    void sharesCountersAndKeysThroughRedisWhenConfigured() {
        try (RedisServer redis = RedisServer.startNew();
             GatewayServer gateway = GatewayServer.start(Map.of("flowgate.example", false,
                     "flowgate.redis-url", redis.url(),
                     "flowgate.rate-limit.default-limit", 2,
                     "flowgate.rate-limit.on-redis-error", "deny"))) {
            assertThat(gateway.context().getBean(RateLimiter.class)).isInstanceOf(RedisRateLimiter.class);
            assertThat(gateway.context().getBean(IdempotencyStore.class)).isInstanceOf(RedisIdempotencyStore.class);
            assertDefaultLimitOfTwo(gateway.context().getBean(RateLimitStage.class));
            assertReservesOnce(gateway.context().getBean(IdempotencyStore.class));

            redis.stop();
            GatewayProblem refused = catchThrowableOfType(GatewayProblem.class, () -> gateway.context()
                    .getBean(RateLimitStage.class).check(ALICE, "GET /other", Optional.empty(), "10.0.0.1"));
            assertThat(refused.problem().status()).isEqualTo(429);
        }
    }

    private static void assertDefaultLimitOfTwo(RateLimitStage stage) {
        RateDecision first = stage.check(ALICE, "GET /x", Optional.empty(), "10.0.0.1").orElseThrow();
        stage.check(ALICE, "GET /x", Optional.empty(), "10.0.0.1");
        GatewayProblem refused = catchThrowableOfType(GatewayProblem.class,
                () -> stage.check(ALICE, "GET /x", Optional.empty(), "10.0.0.1"));

        assertThat(RateLimitHeaders.of(first)).containsEntry("RateLimit-Policy", "\"default\";q=2;w=1");
        assertThat(refused.problem().code()).isEqualTo("rate-limited");
        assertThat(stage.check(ALICE, "GET /y", Optional.of(new RateLimitSpec(5, Duration.ofSeconds(1),
                RateLimitSpec.Key.IP)), "10.0.0.1").orElseThrow().policy()).isEqualTo("operation");
    }

    private static void assertReservesOnce(IdempotencyStore store) {
        String key = "acme|alice|POST /x|" + System.nanoTime();
        assertThat(store.reserve(key, "fp", Duration.ofMinutes(1)).outcome())
                .isEqualTo(Reservation.Outcome.ACQUIRED);
        assertThat(store.reserve(key, "fp", Duration.ofMinutes(1)).outcome())
                .isEqualTo(Reservation.Outcome.IN_PROGRESS);
    }
}
