package io.flowgate.gateway.ratelimit;

import io.flowgate.contracts.RateLimitSpec;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.ratelimit.internal.InProcessRateLimiter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RateLimitStageTest {

    private static final Caller ALICE = new Caller("alice", "acme", Set.of(), Map.of());
    private static final Optional<RateLimitSpec> TWO_PER_MINUTE = Optional.of(
            new RateLimitSpec(2, Duration.ofMinutes(1), RateLimitSpec.Key.PRINCIPAL));

    private final RateLimitSettings settings = new RateLimitSettings();

    @Test
    void refusesWithA429ProblemCarryingRetryAfterAndTheRateLimitHeaders() {
        RateLimitStage stage = stage();
        stage.check(ALICE, "POST /refunds", TWO_PER_MINUTE, "10.0.0.1");
        stage.check(ALICE, "POST /refunds", TWO_PER_MINUTE, "10.0.0.1");

        GatewayProblem refused = catchThrowableOfType(GatewayProblem.class,
                () -> stage.check(ALICE, "POST /refunds", TWO_PER_MINUTE, "10.0.0.1"));

        assertThat(refused.problem().status()).isEqualTo(429);
        assertThat(refused.problem().code()).isEqualTo("rate-limited");
        assertThat(refused.problem().detail()).contains("at most 2 calls per 1m per principal for POST /refunds");
        assertThat(refused.headers()).containsEntry("Retry-After", "30")
                .containsEntry("RateLimit-Policy", "\"operation\";q=2;w=60")
                .containsEntry("RateLimit", "\"operation\";r=0;t=60");
    }

    @Test
    void returnsTheHeadersOfAnAllowedCallInStructuredFieldSyntax() {
        RateDecision decision = stage().check(ALICE, "POST /refunds", TWO_PER_MINUTE, "10.0.0.1").orElseThrow();

        assertThat(RateLimitHeaders.of(decision)).containsExactly(
                Map.entry("RateLimit-Policy", "\"operation\";q=2;w=60"),
                Map.entry("RateLimit", "\"operation\";r=1;t=30"));
    }

    @Test
    void appliesTheConfiguredDefaultWhenTheOperationDeclaresNoLimit() {
        settings.setDefaultLimit(1);
        settings.setDefaultWindow(Duration.ofSeconds(10));
        RateLimitStage stage = stage();

        RateDecision first = stage.check(ALICE, "GET /x", Optional.empty(), "10.0.0.1").orElseThrow();
        GatewayProblem refused = catchThrowableOfType(GatewayProblem.class,
                () -> stage.check(ALICE, "GET /x", Optional.empty(), "10.0.0.1"));

        assertThat(RateLimitHeaders.of(first)).containsEntry("RateLimit-Policy", "\"default\";q=1;w=10");
        assertThat(refused.problem().status()).isEqualTo(429);
    }

    @Test
    void countsEachOperationAndEachCallerApart() {
        RateLimitStage stage = stage();
        Caller bob = new Caller("bob", "acme", Set.of(), Map.of());
        for (int i = 0; i < 2; i++) {
            stage.check(ALICE, "POST /refunds", TWO_PER_MINUTE, "10.0.0.1");
        }

        assertThat(stage.check(ALICE, "POST /orders", TWO_PER_MINUTE, "10.0.0.1")).isPresent();
        assertThat(stage.check(bob, "POST /refunds", TWO_PER_MINUTE, "10.0.0.1")).isPresent();
    }

    @Test
    void allowsEverythingWithoutHeadersWhenSwitchedOff() {
        settings.setEnabled(false);
        RateLimitStage stage = stage();

        for (int i = 0; i < 5; i++) {
            assertThat(stage.check(ALICE, "POST /refunds", TWO_PER_MINUTE, "10.0.0.1")).isEmpty();
        }
    }

    @Test
    void refusesAnUnknownRedisErrorPolicyAtStartUp() {
        settings.setOnRedisError("maybe");

        assertThat(catchThrowableOfType(IllegalArgumentException.class, settings::validate))
                .hasMessageContaining("on-redis-error");
    }

    private RateLimitStage stage() {
        return new RateLimitStage(new InProcessRateLimiter(), settings);
    }
}
