package io.flowgate.gateway.ratelimit;

import io.flowgate.contracts.RateLimitSpec;
import io.flowgate.gateway.ratelimit.internal.InProcessRateLimiter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class InProcessRateLimiterTest {

    private static final RateLimitSpec TEN_PER_SECOND = new RateLimitSpec(10, Duration.ofSeconds(1),
            RateLimitSpec.Key.PRINCIPAL);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final InProcessRateLimiter limiter = new InProcessRateLimiter(now::get);

    @Test
    void allowsExactlyTheLimitWhenSixtyFourThreadsHammerOneKey() throws Exception {
        long allowed = Hammer.count(64, 20, () -> limiter.acquire("k", TEN_PER_SECOND).allowed());

        assertThat(allowed).isEqualTo(10);
    }

    @Test
    void refillsOneCallPerIntervalAfterTheBurst() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquire("k", TEN_PER_SECOND).allowed()).isTrue();
        }
        assertThat(limiter.acquire("k", TEN_PER_SECOND).allowed()).isFalse();

        advance(100);
        assertThat(limiter.acquire("k", TEN_PER_SECOND).allowed()).isTrue();
        assertThat(limiter.acquire("k", TEN_PER_SECOND).allowed()).isFalse();
    }

    @Test
    void allowsTheBurstPlusTheSustainedRateOverThreeSeconds() {
        int allowed = 0;
        for (int ms = 0; ms <= 3000; ms++) {
            for (int i = 0; i < 5; i++) {
                allowed += limiter.acquire("k", TEN_PER_SECOND).allowed() ? 1 : 0;
            }
            advance(1);
        }

        // the documented bound: limit + span / (window / limit) = 10 + 3000 / 100
        assertThat(allowed).isEqualTo(40);
    }

    @Test
    void reportsRemainingResetAndRetryAfter() {
        RateDecision first = limiter.acquire("k", TEN_PER_SECOND);
        assertThat(first).extracting(RateDecision::allowed, RateDecision::limit, RateDecision::remaining,
                RateDecision::resetSeconds, RateDecision::windowSeconds).containsExactly(true, 10, 9, 1L, 1L);

        for (int i = 0; i < 9; i++) {
            limiter.acquire("k", TEN_PER_SECOND);
        }
        RateDecision refused = limiter.acquire("k", TEN_PER_SECOND);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void countsEachKeyApart() {
        RateLimitSpec one = new RateLimitSpec(1, Duration.ofMinutes(1), RateLimitSpec.Key.IP);

        assertThat(limiter.acquire("a", one).allowed()).isTrue();
        assertThat(limiter.acquire("b", one).allowed()).isTrue();
        assertThat(limiter.acquire("a", one).allowed()).isFalse();
        assertThat(limiter.acquire("a", one).retryAfterSeconds()).isEqualTo(60);
    }

    @Test
    void forgetsKeysThatHaveBeenIdleForAFullWindow() {
        for (int i = 0; i < 100; i++) {
            limiter.acquire("client-" + i, TEN_PER_SECOND);
        }
        advance(11_000);
        limiter.acquire("another", TEN_PER_SECOND);

        assertThat(limiter.size()).isEqualTo(1);
    }

    private void advance(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
