package io.flowgate.connectors.inventory.internal;

import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.inventory.InventoryErrors;
import io.flowgate.connectors.inputs.Inputs;
import io.flowgate.connectors.storage.Jdbc;
import io.flowgate.connectors.stores.Stores;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Changes of stock on hand outside reservations: transfers between stores and manual adjustments. Each is one
 * transaction with its idempotency key ({@link AppliedKeys}); each decrease is a conditional UPDATE that cannot take
 * available stock below zero.
 *
 * <p>Every method takes the tenant of the flow asking (null: a flow without a tenant) and touches only stores of
 * that tenant ({@link Stores#owns}); another tenant's store answers exactly as a store that does not exist. A SKU
 * row may be created in a store of the tenant; a store never is.
 */
@Singleton
public final class StockMoves {

    private final DataSource dataSource;
    private final Clock clock;
    private final LowStock lowStock;

    public StockMoves(InventorySchema schema, LowStock lowStock) {
        this.dataSource = schema.dataSource();
        this.clock = schema.clock();
        this.lowStock = lowStock;
    }

    /** One row of {@code stock}. */
    public record StockLevel(String store, String sku, long onHand, long reserved, long version) {

        public long available() {
            return onHand - reserved;
        }

        public Map<String, Object> toOutput() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("store", store);
            out.put("sku", sku);
            out.put("onHand", onHand);
            out.put("reserved", reserved);
            out.put("available", available());
            return out;
        }
    }

    /**
     * Moves {@code qty} on hand of {@code sku} from one store of {@code tenant} to another, both or neither.
     *
     * @throws ConnectorBusinessError {@code OUT_OF_STOCK} when the source has less than {@code qty} available (a
     *                                source that is not a store of the tenant has nothing available);
     *                                {@code INVALID_INPUT} when the destination is not a store of the tenant
     */
    public Map<String, Object> transfer(String key, String from, String to, String sku, long qty, String tenant) {
        long now = clock.millis();
        return AppliedKeys.once(dataSource, key, "transfer", tenant, now, c -> {
            if (!Stores.owns(c, tenant, from)) {
                throw outOfStock(from, sku); // what an unknown source has always answered: nothing available
            }
            if (!Stores.owns(c, tenant, to)) {
                throw unknownStore("to", to);
            }
            // lock the two rows in store order, as every other writer does, so opposite transfers cannot deadlock
            if (to.compareTo(from) < 0) {
                credit(c, to, sku, qty, now);
                debit(c, from, sku, qty, now);
            } else {
                debit(c, from, sku, qty, now);
                credit(c, to, sku, qty, now);
            }
            lowStock.afterDecrease(c, from, sku, qty);
            InventorySchema.movement(c, tenant, from, sku, -qty, "TRANSFER_OUT", "to " + to, key, now);
            InventorySchema.movement(c, tenant, to, sku, qty, "TRANSFER_IN", "from " + from, key, now);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("sku", sku);
            out.put("qty", qty);
            out.put("fromOnHand", level(c, from, sku).orElseThrow().onHand());
            out.put("toOnHand", level(c, to, sku).orElseThrow().onHand());
            return out;
        });
    }

    /**
     * Adds {@code delta} (negative to remove) to on hand in a store of {@code tenant}; a positive delta for a SKU the
     * store has never stocked creates its row.
     *
     * @throws ConnectorBusinessError {@code INVALID_ADJUSTMENT} when on hand would drop below zero or below reserved;
     *                                {@code INVALID_INPUT} when the store is not a store of the tenant
     */
    public Map<String, Object> adjust(String key, String store, String sku, long delta, String reason,
                                      String tenant) {
        long now = clock.millis();
        return AppliedKeys.once(dataSource, key, "adjust", tenant, now, c -> {
            if (!Stores.owns(c, tenant, store)) {
                throw unknownStore("store", store);
            }
            int changed;
            try (PreparedStatement update = c.prepareStatement("UPDATE stock SET on_hand = on_hand + ?, "
                    + "version = version + 1, updated_at = ? "
                    + "WHERE store = ? AND sku = ? AND on_hand + ? >= reserved")) {
                update.setLong(1, delta);
                update.setLong(2, now);
                update.setString(3, store);
                update.setString(4, sku);
                update.setLong(5, delta);
                changed = update.executeUpdate();
            }
            if (changed == 0) {
                Optional<StockLevel> current = level(c, store, sku);
                if (current.isPresent() || delta < 0) {
                    throw new ConnectorBusinessError(InventoryErrors.INVALID_ADJUSTMENT, "cannot adjust " + store
                            + "/" + sku + " by " + delta + ": on hand " + current.map(StockLevel::onHand).orElse(0L)
                            + ", reserved " + current.map(StockLevel::reserved).orElse(0L));
                }
                insert(c, store, sku, delta, now);
            }
            lowStock.afterDecrease(c, store, sku, -delta);
            InventorySchema.movement(c, tenant, store, sku, delta, "ADJUST", reason, key, now);
            return level(c, store, sku).orElseThrow().toOutput();
        });
    }

    /** Every SKU a store of {@code tenant} stocks, by SKU; none for a store of another tenant, as for no store. */
    public List<StockLevel> levels(String store, String tenant) {
        return Jdbc.read(dataSource, "cannot read stock", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT k.store, k.sku, k.on_hand, k.reserved, "
                    + "k.version FROM stock k JOIN stores s ON s.id = k.store "
                    + "WHERE k.store = ? AND s.tenant IS NOT DISTINCT FROM ? ORDER BY k.sku")) {
                select.setString(1, store);
                select.setString(2, tenant);
                List<StockLevel> levels = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        levels.add(row(rs));
                    }
                }
                return levels;
            }
        });
    }

    private static void debit(Connection c, String store, String sku, long qty, long now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE stock SET on_hand = on_hand - ?, "
                + "version = version + 1, updated_at = ? WHERE store = ? AND sku = ? AND on_hand - reserved >= ?")) {
            update.setLong(1, qty);
            update.setLong(2, now);
            update.setString(3, store);
            update.setString(4, sku);
            update.setLong(5, qty);
            if (update.executeUpdate() == 0) {
                throw outOfStock(store, sku);
            }
        }
    }

    private static ConnectorBusinessError outOfStock(String store, String sku) {
        return new ConnectorBusinessError(InventoryErrors.OUT_OF_STOCK, "not enough available in store " + store
                + ": " + sku);
    }

    private static ConnectorBusinessError unknownStore(String input, String store) {
        return Inputs.invalid("'" + input + "' is not a known store: " + store);
    }

    private static void credit(Connection c, String store, String sku, long qty, long now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE stock SET on_hand = on_hand + ?, "
                + "version = version + 1, updated_at = ? WHERE store = ? AND sku = ?")) {
            update.setLong(1, qty);
            update.setLong(2, now);
            update.setString(3, store);
            update.setString(4, sku);
            if (update.executeUpdate() == 0) {
                insert(c, store, sku, qty, now); // a concurrent first insert fails on the key: the caller retries
            }
        }
    }

    private static void insert(Connection c, String store, String sku, long onHand, long now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO stock (store, sku, on_hand, reserved, version, "
                + "updated_at) VALUES (?, ?, ?, 0, 0, ?)")) {
            insert.setString(1, store);
            insert.setString(2, sku);
            insert.setLong(3, onHand);
            insert.setLong(4, now);
            insert.executeUpdate();
        }
    }

    private static Optional<StockLevel> level(Connection c, String store, String sku) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT store, sku, on_hand, reserved, version FROM stock "
                + "WHERE store = ? AND sku = ?")) {
            select.setString(1, store);
            select.setString(2, sku);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static StockLevel row(ResultSet rs) throws SQLException {
        return new StockLevel(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
    }
}
