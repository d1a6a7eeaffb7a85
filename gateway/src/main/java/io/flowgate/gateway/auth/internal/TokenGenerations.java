package io.flowgate.gateway.auth.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Each user's current token generation, read from the users table once and then kept, so checking a token costs a
 * map lookup. An entry is dropped as soon as the user changes ({@link #evict}: at once on the node that made the
 * change, within a second elsewhere) and trusted for {@link #RECHECK} at most in any case. "No such user (or
 * disabled)" is kept too, so a deleted user's token does not cost a query per request. Bounded the simple way:
 * emptied when full.
 */
public final class TokenGenerations {

    static final Duration RECHECK = Duration.ofSeconds(60);
    static final int CAPACITY = 10_000;

    /** @param generation empty: the user does not exist or is disabled */
    private record Entry(Optional<Long> generation, Instant recheckAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    // moves on every eviction: a value read from the database before an eviction is not kept after it
    private final AtomicLong evictions = new AtomicLong();
    private final Function<String, Optional<Long>> load;
    private final Clock clock;

    /** @param load reads a user's token generation; empty when the user does not exist or is disabled */
    public TokenGenerations(Function<String, Optional<Long>> load, Clock clock) {
        this.load = load;
        this.clock = clock;
    }

    /** Whether {@code generation} is the user's current one (false for an unknown or disabled user). */
    public boolean current(String username, long generation) {
        return generation(username).filter(current -> current == generation).isPresent();
    }

    /** Forgets the user's generation; the next token of the user reads it again. */
    public void evict(String username) {
        evictions.incrementAndGet();
        entries.remove(username);
    }

    private Optional<Long> generation(String username) {
        Instant now = clock.instant();
        Entry entry = entries.get(username);
        if (entry != null && now.isBefore(entry.recheckAt())) {
            return entry.generation();
        }
        long before = evictions.get();
        Entry loaded = new Entry(load.apply(username), now.plus(RECHECK));
        if (entries.size() >= CAPACITY) {
            entries.clear();
        }
        entries.put(username, loaded);
        // an eviction while the row was read may have been for a change this read missed: do not keep the value
        if (evictions.get() != before) {
            entries.remove(username, loaded);
        }
        return loaded.generation();
    }
}
