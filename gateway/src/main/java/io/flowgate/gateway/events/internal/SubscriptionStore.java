package io.flowgate.gateway.events.internal;

import io.flowgate.connectors.storage.Jdbc;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code webhook_subscriptions} on the application's database. */
@Singleton
public final class SubscriptionStore {

    private static final String COLUMNS = "id, url, event_types, secret, description, tenant, from_seq, created_at, "
            + "created_by";

    /** Deliveries waiting and parked for one subscription. */
    public record Backlog(long pending, long dead) {
        public static final Backlog NONE = new Backlog(0, 0);
    }

    private final DataSource dataSource;

    public SubscriptionStore(EventsSchema schema) {
        this.dataSource = schema.dataSource();
    }

    public void insert(StoredSubscription s) {
        Jdbc.inTransaction(dataSource, "cannot store the subscription", c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO webhook_subscriptions (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, s.id());
                insert.setString(2, s.url().toString());
                insert.setString(3, String.join(",", s.eventTypes()));
                insert.setString(4, s.secret());
                insert.setString(5, s.description());
                insert.setString(6, s.tenant());
                insert.setLong(7, s.fromSeq());
                insert.setLong(8, s.createdAt().toEpochMilli());
                insert.setString(9, s.createdBy());
                return insert.executeUpdate();
            }
        });
    }

    /** Every subscription, oldest first. */
    public List<StoredSubscription> all() {
        return Jdbc.read(dataSource, "cannot read the subscriptions", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM webhook_subscriptions "
                    + "ORDER BY created_at, id")) {
                return rows(select);
            }
        });
    }

    public Optional<StoredSubscription> find(String id) {
        return Jdbc.read(dataSource, "cannot read the subscription", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM webhook_subscriptions "
                    + "WHERE id = ?")) {
                select.setString(1, id);
                return rows(select).stream().findFirst();
            }
        });
    }

    /** Deletes the subscription with its pending deliveries and dead letters; false when there was none. */
    public boolean delete(String id) {
        return Jdbc.inTransaction(dataSource, "cannot delete the subscription", c -> {
            try (PreparedStatement deliveries = c.prepareStatement("DELETE FROM webhook_deliveries "
                    + "WHERE subscription_id = ?");
                 PreparedStatement subscription = c.prepareStatement("DELETE FROM webhook_subscriptions "
                         + "WHERE id = ?")) {
                deliveries.setString(1, id);
                deliveries.executeUpdate();
                subscription.setString(1, id);
                return subscription.executeUpdate() == 1;
            }
        });
    }

    /** Pending and dead deliveries per subscription id (subscriptions with neither are left out). */
    public Map<String, Backlog> backlogs() {
        return Jdbc.read(dataSource, "cannot count deliveries", c -> {
            Map<String, long[]> counts = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement("SELECT subscription_id, state, COUNT(*) "
                    + "FROM webhook_deliveries GROUP BY subscription_id, state");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long[] pair = counts.computeIfAbsent(rs.getString(1), k -> new long[2]);
                    pair[DeliveryStore.DEAD.equals(rs.getString(2)) ? 1 : 0] += rs.getLong(3);
                }
            }
            Map<String, Backlog> backlogs = new HashMap<>();
            counts.forEach((id, pair) -> backlogs.put(id, new Backlog(pair[0], pair[1])));
            return backlogs;
        });
    }

    private static List<StoredSubscription> rows(PreparedStatement select) throws SQLException {
        List<StoredSubscription> rows = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows.add(new StoredSubscription(rs.getString(1), URI.create(rs.getString(2)),
                        Arrays.asList(rs.getString(3).split(",")), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getLong(7), Instant.ofEpochMilli(rs.getLong(8)), rs.getString(9)));
            }
        }
        return rows;
    }
}
