package io.flowgate.gateway.ratelimit;

import io.flowgate.contracts.RateLimitSpec;

/**
 * Counts calls per key and window. Two back-ends: in-process (one node) and Redis (a cluster), chosen by
 * configuration. Implementations are thread-safe.
 */
public interface RateLimiter {

    /**
     * Counts one call for {@code key} under {@code spec}.
     *
     * @param key      who is counted (principal, tenant or ip), already scoped by operation
     * @return whether the call may proceed, with what the RateLimit headers need
     */
    RateDecision acquire(String key, RateLimitSpec spec);
}
