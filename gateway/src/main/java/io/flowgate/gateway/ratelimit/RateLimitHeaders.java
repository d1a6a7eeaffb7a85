package io.flowgate.gateway.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The header fields of draft-ietf-httpapi-ratelimit-headers (-10/-11, Structured Field lists):
 * <pre>
 * RateLimit-Policy: "operation";q=10;w=1
 * RateLimit: "operation";r=7;t=1
 * </pre>
 * {@code q} is the quota (calls per window), {@code w} the window in seconds, {@code r} the calls that could be made
 * right now and {@code t} the seconds until the full quota is back (the limiter refills continuously, see
 * {@link RateLimiter}). Refused calls also get {@code Retry-After}: when the next single call will be allowed.
 */
public final class RateLimitHeaders {

    public static final String POLICY = "RateLimit-Policy";
    public static final String RATE_LIMIT = "RateLimit";
    public static final String RETRY_AFTER = "Retry-After";

    private RateLimitHeaders() {
    }

    /** The headers every limited response carries; empty when rate limiting is switched off ({@code null}). */
    public static Map<String, String> of(RateDecision decision) {
        if (decision == null) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String name = "\"" + decision.policy() + "\"";
        headers.put(POLICY, name + ";q=" + decision.limit() + ";w=" + decision.windowSeconds());
        headers.put(RATE_LIMIT, name + ";r=" + decision.remaining() + ";t=" + decision.resetSeconds());
        return headers;
    }

    /** {@link #of} plus {@code Retry-After}, for a 429. */
    static Map<String, String> refused(RateDecision decision) {
        Map<String, String> headers = new LinkedHashMap<>(of(decision));
        headers.put(RETRY_AFTER, Long.toString(Math.max(1, decision.retryAfterSeconds())));
        return headers;
    }
}
