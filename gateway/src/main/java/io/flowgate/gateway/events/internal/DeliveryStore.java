package io.flowgate.gateway.events.internal;

import io.flowgate.connectors.storage.Jdbc;
import io.flowgate.gateway.events.DeadLetter;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code webhook_deliveries}: one row per (subscription, event) until it is delivered (then deleted). A row is PENDING
 * (due at {@code next_attempt_at}) or DEAD (parked until replayed). Only the head of each (subscription, subject) line
 * is due: a later event waits while an earlier one of the same subject is still pending.
 */
@Singleton
public final class DeliveryStore {

    public static final String PENDING = "PENDING";
    public static final String DEAD = "DEAD";
    private static final int MAX_ERROR = 500;

    /** An event to deliver to a subscription, written by the fan-out. */
    public record NewDelivery(String subscriptionId, String eventId, long seq, String type, String subject,
                              String body) {
    }

    private final DataSource dataSource;

    public DeliveryStore(EventsSchema schema) {
        this.dataSource = schema.dataSource();
    }

    /** Writes new deliveries with the caller's connection (the fan-out's transaction). */
    public void insert(Connection c, List<NewDelivery> deliveries, long now) throws SQLException {
        if (deliveries.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO webhook_deliveries (subscription_id, event_id, "
                + "seq, event_type, subject, body, state, attempts, next_attempt_at, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, '" + PENDING + "', 0, ?, ?)")) {
            for (NewDelivery d : deliveries) {
                insert.setString(1, d.subscriptionId());
                insert.setString(2, d.eventId());
                insert.setLong(3, d.seq());
                insert.setString(4, d.type());
                insert.setString(5, d.subject());
                insert.setString(6, d.body());
                insert.setLong(7, now);
                insert.setLong(8, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Up to {@code limit} due deliveries, each the head of its (subscription, subject) line; most overdue first. */
    public List<Delivery> due(long now, int limit) {
        return Jdbc.read(dataSource, "cannot read due webhook deliveries", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT d.subscription_id, d.event_id, d.seq, "
                    + "d.subject, d.body, d.attempts, s.url, s.secret FROM webhook_deliveries d "
                    + "JOIN webhook_subscriptions s ON s.id = d.subscription_id "
                    + "WHERE d.state = '" + PENDING + "' AND d.next_attempt_at <= ? AND NOT EXISTS ("
                    + "SELECT 1 FROM webhook_deliveries e WHERE e.subscription_id = d.subscription_id "
                    + "AND e.subject = d.subject AND e.state = '" + PENDING + "' AND e.seq < d.seq) "
                    + "ORDER BY d.next_attempt_at, d.seq FETCH FIRST ? ROWS ONLY")) {
                select.setLong(1, now);
                select.setInt(2, limit);
                List<Delivery> due = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        due.add(new Delivery(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                                rs.getString(5), rs.getInt(6), URI.create(rs.getString(7)), rs.getString(8)));
                    }
                }
                return due;
            }
        });
    }

    public void delivered(Delivery d) {
        update("DELETE FROM webhook_deliveries WHERE subscription_id = ? AND event_id = ? AND state = '" + PENDING
                + "'", d.subscriptionId(), d.eventId());
    }

    public void retryLater(Delivery d, int attempts, long nextAttemptAt, Integer status, String error) {
        outcome("UPDATE webhook_deliveries SET attempts = ?, next_attempt_at = ?, last_status = ?, last_error = ? "
                + "WHERE subscription_id = ? AND event_id = ? AND state = '" + PENDING + "'",
                d, attempts, nextAttemptAt, status, error);
    }

    public void dead(Delivery d, int attempts, long now, Integer status, String error) {
        outcome("UPDATE webhook_deliveries SET state = '" + DEAD + "', attempts = ?, dead_at = ?, last_status = ?, "
                + "last_error = ? WHERE subscription_id = ? AND event_id = ? AND state = '" + PENDING + "'",
                d, attempts, now, status, error);
    }

    private void outcome(String sql, Delivery d, int attempts, long time, Integer status, String error) {
        Jdbc.inTransaction(dataSource, "cannot record a webhook attempt", c -> {
            try (PreparedStatement update = c.prepareStatement(sql)) {
                update.setInt(1, attempts);
                update.setLong(2, time);
                if (status == null) {
                    update.setNull(3, Types.INTEGER);
                } else {
                    update.setInt(3, status);
                }
                update.setString(4, truncate(error));
                update.setString(5, d.subscriptionId());
                update.setString(6, d.eventId());
                return update.executeUpdate();
            }
        });
    }

    /** The subscription's dead letters, oldest event first. */
    public List<DeadLetter> deadLetters(String subscriptionId, int limit) {
        return Jdbc.read(dataSource, "cannot read dead letters", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT event_id, event_type, subject, attempts, "
                    + "last_status, last_error, dead_at, body FROM webhook_deliveries WHERE subscription_id = ? "
                    + "AND state = '" + DEAD + "' ORDER BY seq FETCH FIRST ? ROWS ONLY")) {
                select.setString(1, subscriptionId);
                select.setInt(2, limit);
                List<DeadLetter> letters = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        int status = rs.getInt(5);
                        Integer lastStatus = rs.wasNull() ? null : status;
                        letters.add(new DeadLetter(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                                lastStatus, rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8)));
                    }
                }
                return letters;
            }
        });
    }

    /** Makes dead letters due again from a first attempt: one ({@code eventId}) or all (null). Returns how many. */
    public int replay(String subscriptionId, String eventId, long now) {
        String sql = "UPDATE webhook_deliveries SET state = '" + PENDING + "', attempts = 0, next_attempt_at = ?, "
                + "dead_at = NULL WHERE subscription_id = ? AND state = '" + DEAD + "'";
        return eventId == null ? update(sql, now, subscriptionId)
                : update(sql + " AND event_id = ?", now, subscriptionId, eventId);
    }

    /** Drops a dead letter for good; false when there was none. */
    public boolean discard(String subscriptionId, String eventId) {
        return update("DELETE FROM webhook_deliveries WHERE subscription_id = ? AND event_id = ? AND state = '" + DEAD
                + "'", subscriptionId, eventId) == 1;
    }

    /** Runs a statement whose arguments are never null. */
    private int update(String sql, Object... args) {
        return Jdbc.inTransaction(dataSource, "cannot update webhook deliveries", c -> {
            try (PreparedStatement update = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    update.setObject(i + 1, args[i]);
                }
                return update.executeUpdate();
            }
        });
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 1) + "…";
    }
}
