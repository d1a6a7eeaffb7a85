package io.flowgate.connectors.inventory.internal;

import io.flowgate.connectors.inputs.Inputs;
import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.inventory.InventoryErrors;
import io.flowgate.connectors.storage.Jdbc;
import io.flowgate.connectors.storage.StorageFailure;
import io.flowgate.connectors.stores.Stores;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.UUID;

/**
 * Holds on stock. A reservation is one transaction: every line is a conditional UPDATE that only succeeds while
 * enough is available, and a single failing line rolls the whole reservation back. The reservation row's status is
 * the compare-and-set that decides, exactly once, whether a hold is confirmed or released (by the flow or the sweeper).
 *
 * <p>A reservation belongs to the tenant of the flow that made it, in a store of that tenant. The flow's calls take
 * its tenant (null: none): another tenant's store has nothing available and another tenant's reservation is not
 * found, exactly as unknown ones. Only the sweeper releases expired holds of every tenant.
 */
@Singleton
public final class Reservations {

    public static final String HELD = "HELD";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String RELEASED = "RELEASED";
    private static final int SWEEP_BATCH = 500;

    private final DataSource dataSource;
    private final Clock clock;
    private final LowStock lowStock;

    public Reservations(InventorySchema schema, LowStock lowStock) {
        this.dataSource = schema.dataSource();
        this.clock = schema.clock();
        this.lowStock = lowStock;
    }

    /** A reservation as stored. {@code expiresAt} in epoch milliseconds; {@code tenant} null for none. */
    public record Reservation(String id, String tenant, String store, String status, long expiresAt,
                              List<Inputs.Item> lines) {
    }

    /** The answer to confirm or release: the status after the call and whether this call changed it. */
    public record Outcome(String reservationId, String status, boolean changed) {
    }

    /**
     * Reserves every line or none in a store of {@code tenant}; a repeated key returns the first reservation.
     *
     * @throws ConnectorBusinessError {@code OUT_OF_STOCK} listing every SKU that was short (all of them in a store
     *                                that is not the tenant's)
     */
    public Reservation reserve(String key, String store, List<Inputs.Item> items, Duration ttl, String tenant) {
        Optional<Reservation> earlier = findByKey(key, tenant);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return Jdbc.inTransaction(dataSource, "cannot reserve stock", c -> {
                Reservation held = hold(c, key, store, items, ttl, tenant);
                for (Inputs.Item item : items) { // a hold lowers what is available; confirm and release do not
                    lowStock.afterDecrease(c, store, item.sku(), item.qty());
                }
                return held;
            });
        } catch (StorageFailure failure) {
            if (failure.isUniqueViolation()) {
                return findByKey(key, tenant).orElseThrow(() -> failure); // a twin delivery reserved first
            }
            throw failure;
        }
    }

    private Reservation hold(Connection c, String key, String store, List<Inputs.Item> items, Duration ttl,
                             String tenant) throws SQLException {
        if (!Stores.owns(c, tenant, store)) {
            // nothing of another tenant's store is available, as in a store that does not exist
            throw outOfStock(store, items.stream().map(Inputs.Item::sku).toList());
        }
        long now = clock.millis();
        Reservation reservation = new Reservation(UUID.randomUUID().toString(), tenant, store, HELD,
                now + ttl.toMillis(), items);
        // the key first: a concurrent twin waits here instead of competing for stock
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO stock_reservations (id, idem_key, store, "
                + "status, expires_at, created_at, updated_at, tenant) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, reservation.id());
            insert.setString(2, key);
            insert.setString(3, store);
            insert.setString(4, HELD);
            insert.setLong(5, reservation.expiresAt());
            insert.setLong(6, now);
            insert.setLong(7, now);
            insert.setString(8, tenant);
            insert.executeUpdate();
        }
        List<String> missing = new ArrayList<>();
        try (PreparedStatement take = c.prepareStatement("UPDATE stock SET reserved = reserved + ?, "
                + "version = version + 1, updated_at = ? WHERE store = ? AND sku = ? AND on_hand - reserved >= ?")) {
            for (Inputs.Item item : items) { // sorted by SKU: every reservation locks rows in the same order
                take.setLong(1, item.qty());
                take.setLong(2, now);
                take.setString(3, store);
                take.setString(4, item.sku());
                take.setLong(5, item.qty());
                if (take.executeUpdate() == 0) {
                    missing.add(item.sku());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw outOfStock(store, missing);
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO stock_reservation_lines (reservation_id, sku, qty) VALUES (?, ?, ?)")) {
            for (Inputs.Item item : items) {
                insert.setString(1, reservation.id());
                insert.setString(2, item.sku());
                insert.setLong(3, item.qty());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return reservation;
    }

    private static ConnectorBusinessError outOfStock(String store, List<String> skus) {
        return new ConnectorBusinessError(InventoryErrors.OUT_OF_STOCK, "not enough available in store " + store
                + ": " + String.join(", ", skus));
    }

    /**
     * Turns a hold of {@code tenant} into a sale: on_hand and reserved both drop by each line's qty. Confirming again
     * is a no-op. A hold past its expiry is released instead (committed) and then refused.
     *
     * @throws ConnectorBusinessError {@code RESERVATION_NOT_FOUND} (also for another tenant's),
     *                                {@code RESERVATION_RELEASED}, {@code RESERVATION_EXPIRED}
     */
    public Outcome confirm(String id, String key, String tenant) {
        long now = clock.millis();
        String status = Jdbc.inTransaction(dataSource, "cannot confirm reservation " + id, c -> {
            Optional<Reservation> found = load(c, id).filter(r -> Objects.equals(tenant, r.tenant()));
            if (found.isEmpty() || !HELD.equals(found.get().status())) {
                return found.map(Reservation::status).orElse(null);
            }
            if (found.get().expiresAt() <= now) {
                return settle(c, found.get(), RELEASED, now, null) ? "EXPIRED" : statusNow(c, id);
            }
            // a settle that loses its compare-and-set raced the sweeper or a release: answer what they left
            return settle(c, found.get(), CONFIRMED, now, key) ? "NOW_CONFIRMED" : statusNow(c, id);
        });
        if (status == null) {
            throw new ConnectorBusinessError(InventoryErrors.RESERVATION_NOT_FOUND, "no reservation " + id);
        }
        return switch (status) {
            case "NOW_CONFIRMED" -> new Outcome(id, CONFIRMED, true);
            case CONFIRMED -> new Outcome(id, CONFIRMED, false);
            case "EXPIRED" -> throw new ConnectorBusinessError(InventoryErrors.RESERVATION_EXPIRED,
                    "reservation " + id + " expired before it was confirmed; its stock was released");
            default -> throw new ConnectorBusinessError(InventoryErrors.RESERVATION_RELEASED,
                    "reservation " + id + " was released and cannot be confirmed");
        };
    }

    private static String statusNow(Connection c, String id) throws SQLException {
        return load(c, id).map(Reservation::status).orElse(null);
    }

    /**
     * Gives a held reservation of {@code tenant} back. Unknown (another tenant's too), already released or confirmed:
     * nothing to do.
     */
    public Outcome release(String id, String tenant) {
        return release(id, r -> Objects.equals(tenant, r.tenant()));
    }

    private Outcome release(String id, Predicate<Reservation> visible) {
        long now = clock.millis();
        return Jdbc.inTransaction(dataSource, "cannot release reservation " + id, c -> {
            Optional<Reservation> found = load(c, id).filter(visible);
            if (found.isEmpty()) {
                return new Outcome(id, "UNKNOWN", false);
            }
            if (HELD.equals(found.get().status()) && settle(c, found.get(), RELEASED, now, null)) {
                return new Outcome(id, RELEASED, true);
            }
            return new Outcome(id, load(c, id).map(Reservation::status).orElse("UNKNOWN"), false);
        });
    }

    /** Releases every held reservation past its expiry, whatever its tenant; returns how many this call released. */
    public int sweepExpired() {
        int released = 0;
        List<String> expired;
        do {
            long now = clock.millis();
            expired = Jdbc.read(dataSource, "cannot find expired reservations", c -> expiredIds(c, now));
            for (String id : expired) {
                if (release(id, any -> true).changed()) {
                    released++;
                }
            }
        } while (expired.size() == SWEEP_BATCH);
        return released;
    }

    /** The reservation if it belongs to {@code tenant} (null: to none). */
    public Optional<Reservation> find(String id, String tenant) {
        return Jdbc.read(dataSource, "cannot read reservation " + id,
                c -> load(c, id).filter(r -> Objects.equals(tenant, r.tenant())));
    }

    /**
     * Moves a HELD reservation to {@code to} and applies it to stock, if nobody else settled it first (the status
     * update is the compare-and-set). CONFIRMED: on_hand and reserved drop; RELEASED: reserved drops.
     */
    private static boolean settle(Connection c, Reservation held, String to, long now, String key)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE stock_reservations SET status = ?, updated_at = ? "
                + "WHERE id = ? AND status = ?")) {
            update.setString(1, to);
            update.setLong(2, now);
            update.setString(3, held.id());
            update.setString(4, HELD);
            if (update.executeUpdate() == 0) {
                return false;
            }
        }
        boolean sale = CONFIRMED.equals(to);
        try (PreparedStatement stock = c.prepareStatement("UPDATE stock SET on_hand = on_hand - ?, "
                + "reserved = reserved - ?, version = version + 1, updated_at = ? WHERE store = ? AND sku = ?")) {
            for (Inputs.Item line : held.lines()) {
                stock.setLong(1, sale ? line.qty() : 0);
                stock.setLong(2, line.qty());
                stock.setLong(3, now);
                stock.setString(4, held.store());
                stock.setString(5, line.sku());
                if (stock.executeUpdate() != 1) {
                    throw new IllegalStateException("stock row " + held.store() + "/" + line.sku()
                            + " of reservation " + held.id() + " is missing");
                }
                if (sale) {
                    InventorySchema.movement(c, held.tenant(), held.store(), line.sku(), -line.qty(), "SALE",
                            held.id(), key, now);
                }
            }
        }
        return true;
    }

    private Optional<Reservation> findByKey(String key, String tenant) {
        return Jdbc.read(dataSource, "cannot read reservations", c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id FROM stock_reservations WHERE idem_key = ? AND tenant IS NOT DISTINCT FROM ?")) {
                select.setString(1, key);
                select.setString(2, tenant);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? load(c, rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    private static Optional<Reservation> load(Connection c, String id) throws SQLException {
        String tenant;
        String store;
        String status;
        long expiresAt;
        try (PreparedStatement select = c.prepareStatement(
                "SELECT store, status, expires_at, tenant FROM stock_reservations WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                store = rs.getString(1);
                status = rs.getString(2);
                expiresAt = rs.getLong(3);
                tenant = rs.getString(4);
            }
        }
        List<Inputs.Item> lines = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT sku, qty FROM stock_reservation_lines WHERE reservation_id = ? ORDER BY sku")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    lines.add(new Inputs.Item(rs.getString(1), rs.getLong(2)));
                }
            }
        }
        return Optional.of(new Reservation(id, tenant, store, status, expiresAt, lines));
    }

    private static List<String> expiredIds(Connection c, long now) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM stock_reservations WHERE status = ? "
                + "AND expires_at <= ? ORDER BY expires_at FETCH FIRST " + SWEEP_BATCH + " ROWS ONLY")) {
            select.setString(1, HELD);
            select.setLong(2, now);
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }
}
