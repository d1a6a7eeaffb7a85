package io.flowgate.connectors.notify;

import io.flowgate.connectors.storage.Jdbc;
import io.flowgate.connectors.storage.ModuleSchema;
import io.flowgate.connectors.storage.StorageFailure;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code notifications} table ({@code db/migration/notify}), migrated when this is created. Writes are
 * idempotent per key; reads serve the console and the events feed. A notification carries the tenant of the flow
 * that wrote it, and reads name the tenant whose notifications they want.
 */
@Singleton
public final class NotificationStore {

    static final String FEATURE = "notify";
    /** The most {@link #recent} returns at once. */
    public static final int MAX_RECENT = 500;
    private static final String COLUMNS = "id, channel, subject, message, data, instance_id, activity_id, created_at, "
            + "tenant";

    private final DataSource dataSource;
    private final Clock clock;

    @Inject
    public NotificationStore(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public NotificationStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        ModuleSchema.migrate(dataSource, FEATURE);
    }

    /**
     * Writes the notification of {@code tenant} (null: none) unless one with {@code idempotencyKey} exists; either way
     * returns the stored one (a retried job gets the first record back).
     */
    public Notification write(String idempotencyKey, String channel, String subject, String message, String data,
                              String instanceId, String activityId, String tenant) {
        Optional<Notification> earlier = find(idempotencyKey, tenant);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Notification fresh = new Notification(UUID.randomUUID().toString(), channel, subject, message, data,
                instanceId, activityId, Instant.ofEpochMilli(clock.millis()), tenant);
        try {
            return Jdbc.inTransaction(dataSource, "cannot write notification", c -> insert(c, fresh, idempotencyKey));
        } catch (StorageFailure failure) {
            if (failure.isUniqueViolation()) {
                // a concurrent twin of this job committed first: its record is the one
                return find(idempotencyKey, tenant).orElseThrow(() -> failure);
            }
            throw failure;
        }
    }

    /**
     * The newest notifications of {@code tenant} (null: those without a tenant) on {@code channel} (all channels when
     * null), newest first.
     */
    public List<Notification> recent(String tenant, String channel, int limit) {
        int rows = Math.max(0, Math.min(limit, MAX_RECENT));
        String sql = "SELECT " + COLUMNS + " FROM notifications WHERE tenant IS NOT DISTINCT FROM ?"
                + (channel == null ? "" : " AND channel = ?")
                + " ORDER BY created_at DESC, id DESC FETCH FIRST " + rows + " ROWS ONLY";
        return Jdbc.read(dataSource, "cannot read notifications", c -> {
            try (PreparedStatement select = c.prepareStatement(sql)) {
                select.setString(1, tenant);
                if (channel != null) {
                    select.setString(2, channel);
                }
                List<Notification> found = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.add(row(rs));
                    }
                }
                return found;
            }
        });
    }

    /** The notification of {@code tenant} written with {@code idempotencyKey}, if any. */
    public Optional<Notification> find(String idempotencyKey, String tenant) {
        return Jdbc.read(dataSource, "cannot read notifications", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM notifications "
                    + "WHERE idempotency_key = ? AND tenant IS NOT DISTINCT FROM ?")) {
                select.setString(1, idempotencyKey);
                select.setString(2, tenant);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    private static Notification insert(Connection c, Notification n, String key) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO notifications (" + COLUMNS
                + ", idempotency_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, n.id());
            insert.setString(2, n.channel());
            insert.setString(3, n.subject());
            insert.setString(4, n.message());
            insert.setString(5, n.data());
            insert.setString(6, n.instanceId());
            insert.setString(7, n.activityId());
            insert.setLong(8, n.createdAt().toEpochMilli());
            insert.setString(9, n.tenant());
            insert.setString(10, key);
            insert.executeUpdate();
        }
        return n;
    }

    private static Notification row(ResultSet rs) throws SQLException {
        return new Notification(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8)), rs.getString(9));
    }
}
