package io.flowgate.gateway.idempotency.internal;

import io.flowgate.gateway.idempotency.Holders;
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

/**
 * Keys in a database shared by several nodes (PostgreSQL without Redis). The first reservation is an INSERT on the
 * primary key — never read-then-write — and taking over an expired or abandoned key is one conditional UPDATE, so
 * exactly one of many concurrent requests wins, whichever node it reaches. Expired rows are purged periodically.
 * On the embedded database, where one process owns the file, {@link LocalIdempotencyStore} does the same with one
 * write per key instead of two. A reservation names the node holding it ({@link Holders}): one whose node is gone is
 * taken over at once rather than after the lock timeout.
 */
public final class JdbcIdempotencyStore implements IdempotencyStore {

    private static final int ATTEMPTS = 5;

    private final IdempotencyRows rows;
    private final Duration lockTimeout;
    private final Clock clock;
    private final Holders holders;

    /**
     * @param purgeInterval how often expired keys are deleted; null = never in the background (tests call
     *                      {@link #purgeExpired()})
     */
    public JdbcIdempotencyStore(DataSource dataSource, Duration lockTimeout, Duration purgeInterval, Clock clock) {
        this(dataSource, lockTimeout, purgeInterval, clock, Holders.none());
    }

    public JdbcIdempotencyStore(DataSource dataSource, Duration lockTimeout, Duration purgeInterval, Clock clock,
                                Holders holders) {
        this.rows = new IdempotencyRows(dataSource, purgeInterval, clock);
        this.lockTimeout = lockTimeout;
        this.clock = clock;
        this.holders = holders;
    }

    @Override
    public Reservation reserve(String key, String fingerprint, Duration retention) {
        String id = KeyHash.of(key);
        try (Connection c = rows.connection()) {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                long now = clock.millis();
                long lockedUntil = now + lockTimeout.toMillis();
                long expiresAt = now + retention.toMillis();
                if (rows.insert(c, id, fingerprint, lockedUntil, expiresAt, null, holders.self())) {
                    return Outcomes.acquired();
                }
                Optional<IdempotencyRows.Row> row = rows.select(c, id);
                if (row.isEmpty()) {
                    continue; // released or purged in between: try the insert again
                }
                IdempotencyRows.Row found = row.get();
                if (!found.live(now)) {
                    if (rows.takeOver(c, id, fingerprint, now, lockedUntil, expiresAt, null, holders.self())) {
                        return Outcomes.acquired();
                    }
                    continue;
                }
                if (found.running() && found.fingerprint().equals(fingerprint) && found.holder() != null
                        && holders.gone(found.holder())) {
                    if (rows.takeFromGone(c, id, found, lockedUntil, holders.self())) {
                        return Outcomes.acquired();
                    }
                    continue;
                }
                return Outcomes.of(found.fingerprint(), found.running(), found.response(), fingerprint);
            }
            return Outcomes.inProgress();
        } catch (SQLException e) {
            throw new IdempotencyUnavailable("could not reserve an idempotency key", e);
        }
    }

    @Override
    public void complete(String key, StoredResponse response) {
        rows.complete(KeyHash.of(key), response);
    }

    @Override
    public void release(String key) {
        rows.release(KeyHash.of(key));
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
