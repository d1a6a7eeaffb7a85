package io.flowgate.gateway.events.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.connectors.events.OutboxEvent;
import io.flowgate.connectors.events.StoredEvent;
import io.flowgate.connectors.storage.Jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One relay's view of the outbox: the rows it has not handled yet, oldest first.
 *
 * <p>Outbox seqs are assigned at insert, not at commit, so a plain "highest seq sent" cursor would skip a row whose
 * transaction commits after a later one became visible. The reader therefore records every row it handled
 * ({@code event_relay_handled}) and reads every row above its cursor that is not recorded. The cursor
 * ({@code event_relay_cursors.handled_through}) only keeps that window small: {@link #compact()} moves it over
 * handled rows, and over a missing seq only once the row after the gap was handled more than the gap timeout ago —
 * by then the missing write has been open that long and is taken as rolled back.
 */
public final class OutboxReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
    };
    private static final String NOT_HANDLED = "NOT EXISTS (SELECT 1 FROM event_relay_handled h "
            + "WHERE h.relay = ? AND h.seq = o.seq)";

    private final DataSource dataSource;
    private final String relay;
    private final Duration gapTimeout;
    private final Clock clock;

    public OutboxReader(DataSource dataSource, String relay, Duration gapTimeout, Clock clock) {
        this.dataSource = dataSource;
        this.relay = relay;
        this.gapTimeout = gapTimeout;
        this.clock = clock;
    }

    /** Up to {@code limit} rows this relay has not handled, in seq order. */
    public List<StoredEvent> unhandled(int limit) {
        return Jdbc.read(dataSource, "cannot read the outbox", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT o.seq, o.id, o.type, o.event_time, o.tenant, "
                    + "o.subject, o.data FROM outbox_events o WHERE o.seq > ? AND " + NOT_HANDLED
                    + " ORDER BY o.seq FETCH FIRST ? ROWS ONLY")) {
                select.setLong(1, cursor(c));
                select.setString(2, relay);
                select.setInt(3, limit);
                List<StoredEvent> rows = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new StoredEvent(rs.getLong(1), new OutboxEvent(rs.getString(2), rs.getString(3),
                                Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), rs.getString(6),
                                data(rs.getString(7)))));
                    }
                }
                return rows;
            }
        });
    }

    /** Records the rows as handled, in the caller's transaction (so it commits with the work it reports). */
    public void markHandled(Connection c, Collection<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO event_relay_handled (relay, seq, handled_at) "
                + "VALUES (?, ?, ?)")) {
            long now = clock.millis();
            for (long seq : seqs) {
                insert.setString(1, relay);
                insert.setLong(2, seq);
                insert.setLong(3, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public void markHandled(Collection<Long> seqs) {
        Jdbc.inTransaction(dataSource, "cannot record handled outbox rows", c -> {
            markHandled(c, seqs);
            return null;
        });
    }

    /**
     * Moves the cursor up over the handled rows (and gaps older than the gap timeout) that directly follow it, and
     * forgets their records. Returns the new cursor.
     */
    public long compact() {
        return Jdbc.inTransaction(dataSource, "cannot move the " + relay + " relay's cursor", c -> {
            long cursor = cursor(c);
            long firstOpen = firstUnhandled(c, cursor);
            long settled = clock.millis() - gapTimeout.toMillis();
            long moved = cursor;
            try (PreparedStatement select = c.prepareStatement("SELECT seq, handled_at FROM event_relay_handled "
                    + "WHERE relay = ? AND seq > ? AND seq < ? ORDER BY seq")) {
                select.setString(1, relay);
                select.setLong(2, cursor);
                select.setLong(3, firstOpen);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        boolean gapBefore = rs.getLong(1) != moved + 1;
                        if (gapBefore && rs.getLong(2) > settled) {
                            break; // a missing seq right before a recent row may still commit
                        }
                        moved = rs.getLong(1);
                    }
                }
            }
            if (moved > cursor) {
                move(c, moved);
            }
            return moved;
        });
    }

    /** Every row with a seq up to this one is handled (or was given up as a rolled-back gap). */
    public long cursor() {
        return Jdbc.read(dataSource, "cannot read the " + relay + " relay's cursor", this::cursor);
    }

    private long cursor(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT handled_through FROM event_relay_cursors "
                + "WHERE relay = ?")) {
            select.setString(1, relay);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no cursor row for relay " + relay);
                }
                return rs.getLong(1);
            }
        }
    }

    private long firstUnhandled(Connection c, long cursor) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT MIN(o.seq) FROM outbox_events o WHERE o.seq > ? "
                + "AND " + NOT_HANDLED)) {
            select.setLong(1, cursor);
            select.setString(2, relay);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                long first = rs.getLong(1);
                return rs.wasNull() ? Long.MAX_VALUE : first;
            }
        }
    }

    private void move(Connection c, long to) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE event_relay_cursors SET handled_through = ? "
                + "WHERE relay = ?");
             PreparedStatement delete = c.prepareStatement("DELETE FROM event_relay_handled WHERE relay = ? "
                     + "AND seq <= ?")) {
            update.setLong(1, to);
            update.setString(2, relay);
            update.executeUpdate();
            delete.setString(1, relay);
            delete.setLong(2, to);
            delete.executeUpdate();
        }
    }

    private static Map<String, Object> data(String json) {
        try {
            return JSON.readValue(json, DATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable outbox data", e);
        }
    }
}
