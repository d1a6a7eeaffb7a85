package io.flowgate.contracts;

import java.time.Duration;

/**
 * {@code x-rate-limit: {limit: 100, window: 1s, key: principal}}: at most {@code limit} calls per {@code window}
 * for each value of {@code key}.
 */
public record RateLimitSpec(int limit, Duration window, Key key) {

    /** Whom a limit counts. */
    public enum Key {
        /** The authenticated subject (the client IP for anonymous callers). */
        PRINCIPAL,
        /** The caller's tenant. */
        TENANT,
        /** The client IP address. */
        IP
    }
}
