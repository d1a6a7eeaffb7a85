package io.flowgate.connectors.inventory.internal;

import io.flowgate.connectors.events.Outbox;
import io.flowgate.connectors.events.OutboxEvent;
import io.flowgate.connectors.inventory.InventorySettings;
import io.flowgate.connectors.stores.Stores;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code stock.low}: written by the transaction that takes a store's available stock of a SKU (on hand minus
 * reserved) from at least {@code flowgate.inventory.low-stock-threshold} to below it. Only the crossing counts, so
 * a SKU that stays low is announced once, and again only after it was restocked to the threshold and fell again.
 * Callers run it after their decrease, while they still hold the row's lock, so before and after are exact. The
 * event's tenant is the store's.
 */
@Singleton
public final class LowStock {

    public static final String TYPE = "stock.low";

    private final long threshold;

    /** Takes the outbox so that its table exists before a decrease appends to it. */
    public LowStock(InventorySettings settings, Outbox outbox) {
        this.threshold = settings.validate().getLowStockThreshold();
    }

    /**
     * Appends {@code stock.low} if taking {@code taken} from the row (already done in this transaction) crossed the
     * threshold.
     */
    void afterDecrease(Connection c, String store, String sku, long taken) throws SQLException {
        if (taken <= 0) {
            return;
        }
        long after = available(c, store, sku);
        long before = after + taken;
        if (before >= threshold && after < threshold) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("store", store);
            data.put("sku", sku);
            data.put("available", after);
            data.put("threshold", threshold);
            String tenant = Stores.find(c, store).map(Stores.Store::tenant).orElse(null);
            Outbox.append(c, OutboxEvent.of(TYPE, tenant, store + "/" + sku, data));
        }
    }

    private static long available(Connection c, String store, String sku) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT on_hand - reserved FROM stock WHERE store = ? AND sku = ?")) {
            select.setString(1, store);
            select.setString(2, sku);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("stock row " + store + "/" + sku + " vanished mid-transaction");
                }
                return rs.getLong(1);
            }
        }
    }
}
