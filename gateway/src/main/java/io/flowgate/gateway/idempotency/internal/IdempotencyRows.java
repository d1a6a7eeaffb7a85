package io.flowgate.gateway.idempotency.internal;

import io.flowgate.connectors.storage.ModuleSchema;
import io.flowgate.gateway.idempotency.IdempotencyUnavailable;
import io.flowgate.gateway.idempotency.StoredResponse;
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
 * The {@code idempotency_keys} table: every statement the database-backed stores run. Times are epoch milliseconds;
 * a key is stored as its hash ({@link KeyHash}).
 */
final class IdempotencyRows {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyRows.class);
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";

    private final DataSource dataSource;
    private final Clock clock;
    private final ScheduledExecutorService purger;

    /**
     * @param purgeInterval how often expired keys are deleted on a daemon thread; null = never in the background
     *                      (tests call {@link #purgeExpired()})
     */
    IdempotencyRows(DataSource dataSource, Duration purgeInterval, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        ModuleSchema.migrate(dataSource, "idempotency");
        this.purger = purgeInterval == null ? null : purgeEvery(purgeInterval);
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** A row that holds its key: not past its retention, and not a reservation abandoned past its lock. */
    record Row(String fingerprint, boolean running, long lockedUntil, long expiresAt, StoredResponse response,
               String holder) {

        boolean live(long now) {
            return expiresAt > now && !(running && lockedUntil <= now);
        }
    }

    Optional<Row> select(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT fingerprint, state, locked_until, expires_at, status,"
                + " headers, body, holder FROM idempotency_keys WHERE key_hash = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                boolean running = RUNNING.equals(rs.getString(2));
                StoredResponse response = running ? null : new StoredResponse(rs.getInt(5),
                        HeaderLines.parse(rs.getString(6)), Optional.ofNullable(rs.getBytes(7)).orElse(new byte[0]));
                return Optional.of(new Row(rs.getString(1), running, rs.getLong(3), rs.getLong(4), response,
                        rs.getString(8)));
            }
        }
    }

    /**
     * Inserts a row; false when the key exists (an integrity violation, so concurrent inserts of one key are
     * decided by the primary key). {@code response} null inserts a reservation held by {@code holder} until
     * {@code lockedUntil}.
     */
    boolean insert(Connection c, String id, String fingerprint, long lockedUntil, long expiresAt,
                   StoredResponse response, String holder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO idempotency_keys (key_hash, fingerprint, state,"
                + " locked_until, expires_at, status, headers, body, holder) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, fingerprint);
            s.setString(3, response == null ? RUNNING : DONE);
            s.setLong(4, lockedUntil);
            s.setLong(5, expiresAt);
            bindResponse(s, 6, response);
            s.setString(9, holder);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Replaces a row that no longer holds its key (expired, or abandoned past its lock); the condition is checked in
     * the UPDATE itself, so of two takers only one matches. {@code response} null makes it a reservation.
     */
    boolean takeOver(Connection c, String id, String fingerprint, long now, long lockedUntil, long expiresAt,
                     StoredResponse response, String holder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE idempotency_keys SET fingerprint = ?, state = ?,"
                + " locked_until = ?, expires_at = ?, status = ?, headers = ?, body = ?, holder = ?"
                + " WHERE key_hash = ? AND (expires_at <= ? OR (state = ? AND locked_until <= ?))")) {
            s.setString(1, fingerprint);
            s.setString(2, response == null ? RUNNING : DONE);
            s.setLong(3, lockedUntil);
            s.setLong(4, expiresAt);
            bindResponse(s, 5, response);
            s.setString(8, holder);
            s.setString(9, id);
            s.setLong(10, now);
            s.setString(11, RUNNING);
            s.setLong(12, now);
            return s.executeUpdate() == 1;
        }
    }

    /**
     * Takes over the reservation {@code seen} whose holder is gone, if it is still exactly that reservation (same
     * holder and lock): of two takers only one matches. The row keeps its fingerprint and expiry.
     */
    boolean takeFromGone(Connection c, String id, Row seen, long lockedUntil, String holder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE idempotency_keys SET locked_until = ?, holder = ?"
                + " WHERE key_hash = ? AND state = ? AND holder = ? AND locked_until = ?")) {
            s.setLong(1, lockedUntil);
            s.setString(2, holder);
            s.setString(3, id);
            s.setString(4, RUNNING);
            s.setString(5, seen.holder());
            s.setLong(6, seen.lockedUntil());
            return s.executeUpdate() == 1;
        }
    }

    private static void bindResponse(PreparedStatement s, int from, StoredResponse response) throws SQLException {
        if (response == null) {
            s.setNull(from, java.sql.Types.INTEGER);
            s.setNull(from + 1, java.sql.Types.VARCHAR);
            s.setNull(from + 2, java.sql.Types.VARBINARY);
        } else {
            s.setInt(from, response.status());
            s.setString(from + 1, HeaderLines.format(response.headers()));
            s.setBytes(from + 2, response.body());
        }
    }

    /** Stores the answer of a reservation held in the database. */
    void complete(String id, StoredResponse response) {
        update("UPDATE idempotency_keys SET state = ?, status = ?, headers = ?, body = ?"
                + " WHERE key_hash = ? AND state = ?", s -> {
            s.setString(1, DONE);
            s.setInt(2, response.status());
            s.setString(3, HeaderLines.format(response.headers()));
            s.setBytes(4, response.body());
            s.setString(5, id);
            s.setString(6, RUNNING);
        }, "store the answer for");
    }

    /** Deletes a reservation held in the database whose request did not run. */
    void release(String id) {
        update("DELETE FROM idempotency_keys WHERE key_hash = ? AND state = ?", s -> {
            s.setString(1, id);
            s.setString(2, RUNNING);
        }, "release");
    }

    /** Deletes every key past its retention; returns how many. */
    int purgeExpired() {
        long now = clock.millis();
        return update("DELETE FROM idempotency_keys WHERE expires_at <= ?", s -> s.setLong(1, now),
                "purge expired");
    }

    /** Stops the background purge. */
    void close() {
        if (purger != null) {
            purger.shutdownNow();
        }
    }

    private ScheduledExecutorService purgeEvery(Duration interval) {
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
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return executor;
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
}
