package io.flowgate.gateway.ratelimit;

/**
 * The outcome of counting one call.
 *
 * @param allowed           whether the call may proceed
 * @param limit             calls allowed per window
 * @param remaining         calls that could be made right now (0 when refused)
 * @param resetSeconds      seconds until the full quota is available again
 * @param retryAfterSeconds when refused: seconds to wait before retrying (0 when allowed)
 * @param policy            the policy name shown in the RateLimit headers ({@code "default"} or {@code "operation"})
 * @param windowSeconds     the policy's window in seconds (at least 1), for {@code RateLimit-Policy}
 */
public record RateDecision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds,
                           String policy, long windowSeconds) {

    /** The policy name of the gateway-wide default limit. */
    public static final String DEFAULT_POLICY = "default";

    public RateDecision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {
        this(allowed, limit, remaining, resetSeconds, retryAfterSeconds, DEFAULT_POLICY, Math.max(1, resetSeconds));
    }

    /** The same decision under another policy name. */
    public RateDecision withPolicy(String name) {
        return new RateDecision(allowed, limit, remaining, resetSeconds, retryAfterSeconds, name, windowSeconds);
    }
}
