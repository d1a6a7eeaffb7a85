package io.flowgate.gateway.auth.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature, header and issuer/audience were checked, by their exact text, so a client that sends the
 * same token on every call pays for parsing and signature checks once a minute instead of per request. Only the
 * time claims are checked again on a hit (by the caller), and revocation is checked after this on every request,
 * hit or not, so a revoked token is never kept alive here. An entry is trusted for {@link #RECHECK} at most, so a
 * key dropped from the JWKS stops being accepted within that time. Bounded the simple way: emptied when full.
 */
final class VerifiedTokens {

    static final Duration RECHECK = Duration.ofSeconds(60);
    static final int CAPACITY = 10_000;

    private record Entry(VerifiedToken token, Instant recheckAt) {
    }

    private final Map<String, Entry> tokens = new ConcurrentHashMap<>();
    private final Clock clock;

    VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    /** {@code token} when it was verified less than {@link #RECHECK} ago; null otherwise. */
    VerifiedToken find(String token) {
        Entry entry = tokens.get(token);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.recheckAt())) {
            tokens.remove(token, entry);
            return null;
        }
        return entry.token();
    }

    void remember(String token, VerifiedToken verified) {
        if (tokens.size() >= CAPACITY) {
            tokens.clear();
        }
        tokens.put(token, new Entry(verified, clock.instant().plus(RECHECK)));
    }
}
