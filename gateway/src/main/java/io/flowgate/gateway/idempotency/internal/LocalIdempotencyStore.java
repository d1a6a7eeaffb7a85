package io.flowgate.gateway.idempotency.internal;

import io.flowgate.gateway.idempotency.IdempotencyStore;
import io.flowgate.gateway.idempotency.IdempotencyUnavailable;
import io.flowgate.gateway.idempotency.Reservation;
import io.flowgate.gateway.idempotency.StoredResponse;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Keys on the embedded database, which one process owns (H2 locks its file): a reservation is held in memory, since
 * no other node can compete for it, and only the answer is written — one read and one write per key where the shared
 * store needs two writes. Exactly one of many concurrent reservations wins: the in-memory claim is a compare-and-set,
 * and every reservation then reads the table, where a finished request's answer is written before its claim goes. Answers survive a restart like the shared store's; a
 * reservation does not, which only shortens the wait after a crash: the shared store would hold the key as
 * "in progress" until the lock timeout, then hand it out again all the same.
 */
public final class LocalIdempotencyStore implements IdempotencyStore {

    private final IdempotencyRows rows;
    private final Duration lockTimeout;
    private final Clock clock;
    private final ConcurrentMap<String, Claim> claims = new ConcurrentHashMap<>();

    /** A reservation in memory; {@code replaces} = a row that no longer holds the key is to be overwritten. */
    private record Claim(String fingerprint, long lockedUntil, long expiresAt, boolean replaces) {
    }

    /** @param purgeInterval how often expired keys are deleted; null = never in the background */
    public LocalIdempotencyStore(DataSource dataSource, Duration lockTimeout, Duration purgeInterval, Clock clock) {
        this.rows = new IdempotencyRows(dataSource, purgeInterval, clock);
        this.lockTimeout = lockTimeout;
        this.clock = clock;
    }

    @Override
    public Reservation reserve(String key, String fingerprint, Duration retention) {
        String id = KeyHash.of(key);
        long now = clock.millis();
        Claim mine = new Claim(fingerprint, now + lockTimeout.toMillis(), now + retention.toMillis(), false);
        Claim held = claims.putIfAbsent(id, mine);
        // a request abandoned past its lock (it never completed nor released) gives way to exactly one taker
        if (held != null && held.lockedUntil() <= now && claims.replace(id, held, mine)) {
            held = null;
        }
        try (Connection c = rows.connection()) {
            // read after claiming: an answer stored before its writer let go of the key is always seen
            Optional<IdempotencyRows.Row> row = rows.select(c, id);
            if (row.isPresent() && row.get().live(now)) {
                if (held == null) {
                    claims.remove(id, mine);
                }
                IdempotencyRows.Row found = row.get();
                return Outcomes.of(found.fingerprint(), found.running(), found.response(), fingerprint);
            }
            if (held != null) {
                return Outcomes.of(held.fingerprint(), true, null, fingerprint);
            }
            if (row.isPresent()) {
                claims.replace(id, mine, new Claim(fingerprint, mine.lockedUntil(), mine.expiresAt(), true));
            }
            return Outcomes.acquired();
        } catch (SQLException e) {
            if (held == null) {
                claims.remove(id, mine);
            }
            throw new IdempotencyUnavailable("could not reserve an idempotency key", e);
        }
    }

    @Override
    public void complete(String key, StoredResponse response) {
        String id = KeyHash.of(key);
        Claim claim = claims.get(id);
        if (claim == null) {
            return; // released, or taken over after its lock ran out
        }
        try (Connection c = rows.connection()) {
            long now = clock.millis();
            // a write that matches no row means another request stored its answer first (after this claim ran out)
            if (claim.replaces()) {
                rows.takeOver(c, id, claim.fingerprint(), now, claim.lockedUntil(), claim.expiresAt(), response, null);
            } else {
                rows.insert(c, id, claim.fingerprint(), claim.lockedUntil(), claim.expiresAt(), response, null);
            }
        } catch (SQLException e) {
            throw new IdempotencyUnavailable("could not store the answer for an idempotency key", e);
        } finally {
            // after the write: a request arriving now finds the answer in the table
            claims.remove(id, claim);
        }
    }

    @Override
    public void release(String key) {
        claims.remove(KeyHash.of(key));
    }

    /** Deletes every key past its retention; returns how many. */
    public int purgeExpired() {
        return rows.purgeExpired();
    }

    @Override
    public void close() {
        rows.close();
    }
}
