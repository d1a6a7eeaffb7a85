package io.flowgate.gateway.idempotency.internal;

import io.flowgate.gateway.idempotency.IdempotencyStore;
import io.flowgate.gateway.idempotency.IdempotencyUnavailable;
import io.flowgate.gateway.idempotency.Reservation;
import io.flowgate.gateway.idempotency.StoredResponse;
import io.flowgate.connectors.storage.ModuleSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keys in the application's database (H2 on one node, so restarts keep them; PostgreSQL works too). The first
 * reservation is an INSERT on the primary key — never read-then-write — and taking over an expired or abandoned key
 * is one conditional UPDATE, so exactly one of many concurrent requests wins. Expired rows are purged periodically.
 */
public final class JdbcIdempotencyStore implements IdempotencyStore {


    private static final Logger LOG = LoggerFactory.getLogger(JdbcIdempotencyStore.class);
    private static final String RUNNING = "RUNNING";
    private static final String DONE = "DONE";
    private static final int ATTEMPTS = 5;

    private final DataSource dataSource;
    private final Duration lockTimeout;
    private final Clock clock;
    private final ScheduledExecutorService purger;

    /**
     * @param purgeInterval how often expired keys are deleted; null = never in the background (tests call
     *                      {@link #purgeExpired()})
     */
    public JdbcIdempotencyStore(DataSource dataSource, Duration lockTimeout, Duration purgeInterval, Clock clock) {
        this.dataSource = dataSource;
        this.lockTimeout = lockTimeout;
        this.clock = clock;
        ModuleSchema.migrate(dataSource, "idempotency");
        this.purger = purgeInterval == null ? null : startPurger(purgeInterval);
    }


    private ScheduledExecutorService startPurger(Duration every) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "idempotency-purge");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                purgeExpired();
            } catch (RuntimeException e) {
                LOG.warn("could not purge expired idempotency keys: {}", e.toString());
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return executor;
    }

    @Override
    public Reservation reserve(String key, String fingerprint, Duration retention) {
        String id = KeyHash.of(key);
        try (Connection c = dataSource.getConnection()) {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                long now = clock.millis();
                if (insert(c, id, fingerprint, now, retention)) {
                    return acquired();
                }
                Optional<Row> row = select(c, id);
                if (row.isEmpty()) {
                    continue; // released or purged in between: try the insert again
                }
                Row found = row.get();
                if (found.expiresAt() <= now || (found.running() && found.lockedUntil() <= now)) {
                    if (takeOver(c, id, fingerprint, now, retention)) {
                        return acquired();
                    }
                    continue;
                }
                return Outcomes.of(found.fingerprint(), found.running(), found.response(), fingerprint);
            }
            return new Reservation(Reservation.Outcome.IN_PROGRESS, Optional.empty());
        } catch (SQLException e) {
            throw new IdempotencyUnavailable("could not reserve an idempotency key", e);
        }
    }

    private boolean insert(Connection c, String id, String fingerprint, long now, Duration retention)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO idempotency_keys"
                + " (key_hash, fingerprint, state, locked_until, expires_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, fingerprint);
            s.setString(3, RUNNING);
            s.setLong(4, now + lockTimeout.toMillis());
            s.setLong(5, now + retention.toMillis());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false; // integrity constraint violation: the key exists
            }
            throw e;
        }
    }

    /** Re-checks the takeover condition in the UPDATE itself, so of two nodes taking over only one matches. */
    private boolean takeOver(Connection c, String id, String fingerprint, long now, Duration retention)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE idempotency_keys SET fingerprint = ?, state = ?,"
                + " locked_until = ?, expires_at = ?, status = NULL, headers = NULL, body = NULL"
                + " WHERE key_hash = ? AND (expires_at <= ? OR (state = ? AND locked_until <= ?))")) {
            s.setString(1, fingerprint);
            s.setString(2, RUNNING);
            s.setLong(3, now + lockTimeout.toMillis());
            s.setLong(4, now + retention.toMillis());
            s.setString(5, id);
            s.setLong(6, now);
            s.setString(7, RUNNING);
            s.setLong(8, now);
            return s.executeUpdate() == 1;
        }
    }

    private Optional<Row> select(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT fingerprint, state, locked_until, expires_at, status,"
                + " headers, body FROM idempotency_keys WHERE key_hash = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                boolean running = RUNNING.equals(rs.getString(2));
                StoredResponse response = running ? null : new StoredResponse(rs.getInt(5),
                        HeaderLines.parse(rs.getString(6)), Optional.ofNullable(rs.getBytes(7)).orElse(new byte[0]));
                return Optional.of(new Row(rs.getString(1), running, rs.getLong(3), rs.getLong(4), response));
            }
        }
    }

    @Override
    public void complete(String key, StoredResponse response) {
        update("UPDATE idempotency_keys SET state = ?, status = ?, headers = ?, body = ?"
                + " WHERE key_hash = ? AND state = ?", s -> {
            s.setString(1, DONE);
            s.setInt(2, response.status());
            s.setString(3, HeaderLines.format(response.headers()));
            s.setBytes(4, response.body());
            s.setString(5, KeyHash.of(key));
            s.setString(6, RUNNING);
        }, "store the answer for");
    }

    @Override
    public void release(String key) {
        update("DELETE FROM idempotency_keys WHERE key_hash = ? AND state = ?", s -> {
            s.setString(1, KeyHash.of(key));
            s.setString(2, RUNNING);
        }, "release");
    }

    /** Deletes every key past its retention; returns how many. */
    public int purgeExpired() {
        long now = clock.millis();
        return update("DELETE FROM idempotency_keys WHERE expires_at <= ?", s -> s.setLong(1, now),
                "purge expired");
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private int update(String sql, Binder binder, String what) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IdempotencyUnavailable("could not " + what + " idempotency keys", e);
        }
    }

    @Override
    public void close() {
        if (purger != null) {
            purger.shutdownNow();
        }
    }

    private static Reservation acquired() {
        return new Reservation(Reservation.Outcome.ACQUIRED, Optional.empty());
    }

    private record Row(String fingerprint, boolean running, long lockedUntil, long expiresAt,
                       StoredResponse response) {
    }
}
