package io.flowgate.gateway.ratelimit;

import io.flowgate.contracts.RateLimitSpec;

/**
 * Counts calls per key and window. Two back-ends: in-process (one node) and Redis (a cluster), chosen by
 * configuration. Implementations are thread-safe.
 *
 * <p>Both use the same algorithm, GCRA (the generic cell rate algorithm, a token bucket kept as one timestamp per
 * key): {@code limit} calls per {@code window} means one call every {@code window / limit}, with a burst of up to
 * {@code limit} calls after a quiet period. There are no window boundaries, so the worst case over any span
 * {@code L} is {@code limit + L / (window / limit)} calls, e.g. 10/s over 3 s → at most 10 + 30 = 40, and never more
 * than {@code limit} calls at one instant (a fixed window allows {@code 2 × limit} around each boundary).
 */
public interface RateLimiter extends AutoCloseable {

    /**
     * Counts one call for {@code key} under {@code spec}.
     *
     * @param key      who is counted (principal, tenant or ip), already scoped by operation
     * @return whether the call may proceed, with what the RateLimit headers need
     */
    RateDecision acquire(String key, RateLimitSpec spec);

    /** Releases connections and threads; the in-process limiter holds none. */
    @Override
    default void close() {
    }
}
