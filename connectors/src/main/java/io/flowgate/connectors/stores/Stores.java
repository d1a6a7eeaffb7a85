package io.flowgate.connectors.stores;

import io.flowgate.connectors.storage.ModuleSchema;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The stores ({@code db/migration/stores}) and the tenant each belongs to, migrated when this is created. Store ids
 * are unique across tenants; a store without a tenant belongs to the flows without one. The orders and inventory
 * tables reference stores, so their schemas take this to migrate it first. Stores are made by migrations (the
 * restaurant example's are seeded there), never by a connector.
 *
 * <p>Every connector that names a store asks {@link #owns} with the tenant of the flow that runs it, and treats a
 * store of another tenant exactly as one that does not exist.
 */
@Singleton
public final class Stores {

    static final String FEATURE = "stores";

    /** One row of {@code stores}; {@code tenant} null for a tenantless store. */
    public record Store(String id, String tenant, String name) {
    }

    public Stores(DataSource dataSource) {
        ModuleSchema.migrate(dataSource, FEATURE);
    }

    /** Whether {@code store} exists and belongs to {@code tenant} (null: to the flows without a tenant). */
    public static boolean owns(Connection c, String tenant, String store) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT 1 FROM stores WHERE id = ? AND tenant IS NOT DISTINCT FROM ?")) {
            select.setString(1, store);
            select.setString(2, tenant);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The store, whichever tenant it belongs to: for what the store itself says (e.g. an event's tenant). */
    public static Optional<Store> find(Connection c, String store) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id, tenant, name FROM stores WHERE id = ?")) {
            select.setString(1, store);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new Store(rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }
}
