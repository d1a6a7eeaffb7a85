package io.flowgate.connectors.inventory.internal;

import io.flowgate.connectors.storage.ModuleSchema;
import io.flowgate.connectors.stores.Stores;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;

/**
 * The inventory tables ({@code db/migration/inventory}) on the application's {@link DataSource}, migrated once when
 * this is created (after the {@link Stores} they reference); the stores take it to get a data source whose tables
 * are known to exist, and the clock.
 */
@Singleton
public final class InventorySchema {

    static final String FEATURE = "inventory";

    private final DataSource dataSource;
    private final Clock clock;

    @Inject
    public InventorySchema(DataSource dataSource, Stores stores) {
        this(dataSource, stores, Clock.systemUTC());
    }

    public InventorySchema(DataSource dataSource, Clock clock) {
        this(dataSource, new Stores(dataSource), clock);
    }

    public InventorySchema(DataSource dataSource, Stores stores, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        Objects.requireNonNull(stores, "stores");
        ModuleSchema.migrate(dataSource, FEATURE);
    }

    DataSource dataSource() {
        return dataSource;
    }

    Clock clock() {
        return clock;
    }

    /** Logs a change of {@code on_hand} in {@code stock_movements}, in the tenant of the flow that made it. */
    static void movement(Connection c, String tenant, String store, String sku, long delta, String kind,
                         String reason, String key, long now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO stock_movements (store, sku, on_hand_delta, "
                + "kind, reason, idem_key, moved_at, tenant) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, store);
            insert.setString(2, sku);
            insert.setLong(3, delta);
            insert.setString(4, kind);
            insert.setString(5, reason);
            insert.setString(6, key);
            insert.setLong(7, now);
            insert.setString(8, tenant);
            insert.executeUpdate();
        }
    }
}
