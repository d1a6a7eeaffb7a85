package io.flowgate.gateway.ratelimit.internal;

import io.flowgate.contracts.RateLimitSpec;
import io.flowgate.gateway.ratelimit.RateDecision;

import java.util.concurrent.TimeUnit;

/**
 * The arithmetic both limiters share. GCRA keeps one timestamp per key, the theoretical arrival time {@code tat}:
 * a call at {@code now} is allowed when {@code max(tat, now) + interval - capacity <= now}, and then moves
 * {@code tat} on by one {@code interval = window / limit}; {@code capacity = interval × limit} is the burst.
 * The interval is rounded up to a whole clock unit, so the rate is never above the declared one.
 */
final class Gcra {

    private Gcra() {
    }

    static long intervalNanos(RateLimitSpec spec) {
        return ceilDiv(spec.window().toNanos(), spec.limit());
    }

    static long intervalMicros(RateLimitSpec spec) {
        return Math.max(1, ceilDiv(spec.window().toNanos(), 1000L * spec.limit()));
    }

    static RateDecision allowed(RateLimitSpec spec, long remaining, long untilFull, TimeUnit unit) {
        return new RateDecision(true, spec.limit(), (int) Math.max(0, Math.min(remaining, spec.limit())),
                ceilSeconds(untilFull, unit), 0, RateDecision.DEFAULT_POLICY, windowSeconds(spec));
    }

    static RateDecision refused(RateLimitSpec spec, long untilFull, long untilNext, TimeUnit unit) {
        return new RateDecision(false, spec.limit(), 0, ceilSeconds(untilFull, unit),
                Math.max(1, ceilSeconds(untilNext, unit)), RateDecision.DEFAULT_POLICY, windowSeconds(spec));
    }

    /** What a limiter answers when it cannot count (Redis down): the whole quota, or a refusal for one second. */
    static RateDecision unknown(RateLimitSpec spec, boolean allow) {
        return allow
                ? new RateDecision(true, spec.limit(), spec.limit(), 0, 0, RateDecision.DEFAULT_POLICY,
                windowSeconds(spec))
                : new RateDecision(false, spec.limit(), 0, 1, 1, RateDecision.DEFAULT_POLICY, windowSeconds(spec));
    }

    static long windowSeconds(RateLimitSpec spec) {
        return Math.max(1, ceilSeconds(spec.window().toNanos(), TimeUnit.NANOSECONDS));
    }

    private static long ceilSeconds(long amount, TimeUnit unit) {
        long perSecond = unit.convert(1, TimeUnit.SECONDS);
        return amount <= 0 ? 0 : ceilDiv(amount, perSecond);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
