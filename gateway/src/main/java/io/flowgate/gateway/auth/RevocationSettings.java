package io.flowgate.gateway.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * Token revocation settings, bound from {@code flowgate.auth.revocation.*}.
 *
 * @param refresh how often every node reads the revocations made on any node (logouts, users changed, deleted or
 *                disabled); a revoked token stops working everywhere within about this long
 */
@ConfigurationProperties("flowgate.auth.revocation")
public record RevocationSettings(@Nullable Duration refresh) {

    public static final Duration DEFAULT_REFRESH = Duration.ofMillis(500);
    public static final Duration MIN_REFRESH = Duration.ofMillis(50);
    /** Revocation is promised within a second: a slower refresh would break that promise. */
    public static final Duration MAX_REFRESH = Duration.ofSeconds(1);

    public RevocationSettings {
        refresh = refresh == null ? DEFAULT_REFRESH : refresh;
        if (refresh.compareTo(MIN_REFRESH) < 0 || refresh.compareTo(MAX_REFRESH) > 0) {
            throw new IllegalArgumentException("flowgate.auth.revocation.refresh (FLOWGATE_REVOCATION_REFRESH) must be "
                    + "between " + MIN_REFRESH.toMillis() + "ms and " + MAX_REFRESH.toSeconds() + "s, was " + refresh);
        }
    }

    public static RevocationSettings defaults() {
        return new RevocationSettings(null);
    }
}
