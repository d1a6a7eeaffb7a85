package io.flowgate.gateway.ratelimit.internal;

import io.flowgate.contracts.RateLimitSpec;
import io.flowgate.gateway.ratelimit.RateDecision;
import io.flowgate.gateway.ratelimit.RateLimiter;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * GCRA in this JVM: one "theoretical arrival time" per key in a {@link ConcurrentHashMap}, updated inside
 * {@code compute}, so concurrent calls on one key are serialised and the count is exact. Keys whose time has passed
 * hold no information (they are equivalent to a full quota) and are swept every few seconds, so idle clients cost
 * nothing.
 */
public final class InProcessRateLimiter implements RateLimiter {

    private static final long SWEEP_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ConcurrentHashMap<String, Long> arrivals = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;
    private final AtomicLong nextSweep;

    public InProcessRateLimiter() {
        this(System::nanoTime);
    }

    /** @param nanoClock a monotonic clock in nanoseconds (tests pass their own) */
    public InProcessRateLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.nextSweep = new AtomicLong(nanoClock.getAsLong() + SWEEP_EVERY_NANOS);
    }

    @Override
    public RateDecision acquire(String key, RateLimitSpec spec) {
        long interval = Gcra.intervalNanos(spec);
        long capacity = interval * spec.limit();
        long now = nanoClock.getAsLong();
        RateDecision[] decision = new RateDecision[1];
        arrivals.compute(key, (k, tat) -> {
            long base = tat == null || tat - now < 0 ? now : tat;
            long next = base + interval;
            if (next - capacity - now > 0) {
                decision[0] = Gcra.refused(spec, base - now, next - capacity - now, TimeUnit.NANOSECONDS);
                return tat;
            }
            decision[0] = Gcra.allowed(spec, (now + capacity - next) / interval, next - now, TimeUnit.NANOSECONDS);
            return next;
        });
        sweepIfDue(now);
        return decision[0];
    }

    /** How many keys are remembered (for tests). */
    public int size() {
        return arrivals.size();
    }

    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + SWEEP_EVERY_NANOS)) {
            // removeIf removes an entry only if it still holds the value tested, so a concurrent acquire is never lost
            arrivals.entrySet().removeIf(e -> e.getValue() - now <= 0);
        }
    }
}
