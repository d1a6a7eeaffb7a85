package io.flowgate.gateway.events.internal;

import io.flowgate.connectors.storage.Jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

/**
 * Deletes outbox rows older than the retention, as Kafka drops records past its retention: an event is kept for
 * the retention and at least until every relay that ran within the retention has carried it. A relay that has not
 * run for longer (Kafka not configured, a transport switched off) holds nothing back. Deletes oldest first, in
 * batches, each in a transaction of its own.
 */
public final class OutboxRetention {

    private final DataSource dataSource;
    private final Duration retention;
    private final int batch;
    private final Clock clock;

    public OutboxRetention(DataSource dataSource, Duration retention, int batch, Clock clock) {
        this.dataSource = dataSource;
        this.retention = retention;
        this.batch = batch;
        this.clock = clock;
    }

    /** One pass; returns how many rows it deleted. */
    public long purge() {
        long cutoff = clock.millis() - retention.toMillis();
        long carried = Jdbc.read(dataSource, "cannot read the relays' cursors", c -> carriedThrough(c, cutoff));
        long total = 0;
        int deleted;
        do {
            deleted = Jdbc.inTransaction(dataSource, "cannot delete old outbox events", c -> delete(c, cutoff,
                    carried));
            total += deleted;
        } while (deleted == batch);
        return total;
    }

    /** The highest seq every relay in use has carried; no limit when none ran within the retention. */
    private static long carriedThrough(Connection c, long cutoff) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT MIN(c.handled_through) FROM event_relay_cursors c "
                + "JOIN event_relay_leases l ON l.name = c.relay WHERE l.expires_at >= ?")) {
            select.setLong(1, cutoff);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                long through = rs.getLong(1);
                return rs.wasNull() ? Long.MAX_VALUE : through;
            }
        }
    }

    private int delete(Connection c, long cutoff, long carried) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM outbox_events WHERE seq IN (SELECT seq FROM "
                + "outbox_events WHERE seq <= ? AND event_time < ? ORDER BY seq FETCH FIRST ? ROWS ONLY)")) {
            delete.setLong(1, carried);
            delete.setLong(2, cutoff);
            delete.setInt(3, batch);
            return delete.executeUpdate();
        }
    }
}
