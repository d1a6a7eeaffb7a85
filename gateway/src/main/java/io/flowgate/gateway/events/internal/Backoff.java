package io.flowgate.gateway.events.internal;

import java.time.Duration;

/**
 * When to try a failed delivery again: {@code base × factor^(failures-1)}, at most {@code max}, plus up to 10 %
 * jitter (so deliveries that failed together do not all come back at the same instant), and never sooner than the
 * subscriber asked with {@code Retry-After} (still at most {@code max}).
 */
public record Backoff(Duration base, double factor, Duration max) {

    /**
     * @param failures   attempts that failed so far (1 after the first)
     * @param retryAfter the subscriber's {@code Retry-After}, or null
     * @param random     a number in [0, 1) for the jitter
     */
    public Duration after(int failures, Duration retryAfter, double random) {
        double exponential = base.toMillis() * Math.pow(factor, Math.max(0, failures - 1));
        long capped = (long) Math.min(max.toMillis(), exponential);
        long delay = Math.min(max.toMillis(), capped + (long) (capped * 0.1 * random));
        if (retryAfter != null) {
            delay = Math.max(delay, Math.min(max.toMillis(), retryAfter.toMillis()));
        }
        return Duration.ofMillis(delay);
    }
}
