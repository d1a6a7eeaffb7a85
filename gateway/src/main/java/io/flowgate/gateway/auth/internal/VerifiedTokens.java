package io.flowgate.gateway.auth.internal;

import com.nimbusds.jwt.JWTClaimsSet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature, header and issuer/audience were checked, by their exact text, so a client that sends the
 * same token on every call pays for parsing and signature checks once a minute instead of per request. Only the
 * time claims are checked again on a hit (by the caller). An entry is trusted for {@link #RECHECK} at most, so a key
 * dropped from the JWKS stops being accepted within that time. Bounded the simple way: emptied when full.
 */
final class VerifiedTokens {

    static final Duration RECHECK = Duration.ofSeconds(60);
    static final int CAPACITY = 10_000;

    private record Entry(JWTClaimsSet claims, Instant recheckAt) {
    }

    private final Map<String, Entry> tokens = new ConcurrentHashMap<>();
    private final Clock clock;

    VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    /** The claims of {@code token} when it was verified less than {@link #RECHECK} ago; null otherwise. */
    JWTClaimsSet find(String token) {
        Entry entry = tokens.get(token);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.recheckAt())) {
            tokens.remove(token, entry);
            return null;
        }
        return entry.claims();
    }

    void remember(String token, JWTClaimsSet claims) {
        if (tokens.size() >= CAPACITY) {
            tokens.clear();
        }
        tokens.put(token, new Entry(claims, clock.instant().plus(RECHECK)));
    }
}
