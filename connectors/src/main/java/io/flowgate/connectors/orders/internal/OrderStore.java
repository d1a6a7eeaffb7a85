package io.flowgate.connectors.orders.internal;

import io.flowgate.connectors.inputs.Inputs;
import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.events.Outbox;
import io.flowgate.connectors.orders.Order;
import io.flowgate.connectors.orders.OrderErrors;
import io.flowgate.connectors.orders.OrderLine;
import io.flowgate.connectors.orders.OrderState;
import io.flowgate.connectors.storage.Jdbc;
import io.flowgate.connectors.storage.ModuleSchema;
import io.flowgate.connectors.storage.StorageFailure;
import io.flowgate.connectors.stores.Stores;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The orders tables ({@code db/migration/orders}), migrated when this store is created. Creation is one transaction
 * keyed by the caller's idempotency key; transitions are compare-and-set on {@code orders.version}, and a move to
 * PAID, CANCELLED or REFUNDED writes its event to the outbox in the same transaction ({@link OrderEvents}).
 *
 * <p>Every order belongs to the tenant of the flow that created it, and every method takes the tenant of the flow
 * asking (null: a flow without a tenant): an order of another tenant is not found, exactly as an unknown one, and a
 * store of another tenant has no menu, exactly as an unknown store.
 */
@Singleton
public final class OrderStore {

    static final String FEATURE = "orders";
    /** Lost compare-and-set races tolerated before giving up as a technical fault (the engine retries). */
    private static final int CAS_ATTEMPTS = 50;

    private final DataSource dataSource;
    private final Clock clock;

    /**
     * Takes the outbox so that its table exists before a transition appends to it, and the stores so that their
     * table exists before the orders' migrations reference it.
     */
    @Inject
    public OrderStore(DataSource dataSource, Outbox outbox, Stores stores) {
        this(dataSource, outbox, stores, Clock.systemUTC());
    }

    public OrderStore(DataSource dataSource) {
        this(dataSource, new Outbox(dataSource), new Stores(dataSource), Clock.systemUTC());
    }

    public OrderStore(DataSource dataSource, Outbox outbox) {
        this(dataSource, outbox, new Stores(dataSource), Clock.systemUTC());
    }

    public OrderStore(DataSource dataSource, Outbox outbox, Stores stores, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(stores, "stores");
        ModuleSchema.migrate(dataSource, FEATURE);
    }

    /** A transition's outcome: the state the order is in and its version after it. */
    public record Transition(OrderState state, long version, boolean changed) {
    }

    /**
     * Creates an order of {@code tenant} priced from the store's menu, or returns the order an earlier call with the
     * same key made.
     *
     * @param tenant the tenant of the flow asking, may be null; a store of another tenant has no menu
     * @throws ConnectorBusinessError {@code UNKNOWN_ITEM} when a SKU is not on the store's menu
     */
    public Order create(String key, String orderId, String store, String customer, List<Inputs.Item> items,
                        String tenant) {
        Optional<Order> earlier = findByKey(key, tenant);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return Jdbc.inTransaction(dataSource, "cannot create the order",
                    c -> insert(c, key, orderId, store, customer, items, tenant));
        } catch (StorageFailure failure) {
            // a concurrent delivery of the same call inserted first: answer with its order
            if (failure.isUniqueViolation()) {
                return findByKey(key, tenant).orElseThrow(() -> failure);
            }
            throw failure;
        }
    }

    /** The order if it belongs to {@code tenant} (null: to no tenant); another tenant's is as absent as unknown. */
    public Optional<Order> find(String id, String tenant) {
        return Jdbc.read(dataSource, "cannot read order " + id, c -> load(c, "id", id, tenant));
    }

    /**
     * Moves the order to {@code to}. Already there, or this key already moved it: success without change (and no
     * second event). A lost race re-reads and decides again from the new current state.
     *
     * @param tenant the tenant of the flow asking, may be null; only an order of that tenant is moved
     * @throws ConnectorBusinessError {@code ORDER_NOT_FOUND}, {@code INVALID_TRANSITION}
     */
    public Transition transition(String id, OrderState to, String key, String tenant) {
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            Optional<Transition> recorded = recorded(id, key, tenant);
            if (recorded.isPresent()) {
                return recorded.get();
            }
            Order current = find(id, tenant).orElseThrow(() -> new ConnectorBusinessError(
                    OrderErrors.ORDER_NOT_FOUND, "no order " + id));
            if (current.state() == to) {
                return new Transition(to, current.version(), false);
            }
            if (!current.state().canMoveTo(to)) {
                throw new ConnectorBusinessError(OrderErrors.INVALID_TRANSITION, "order " + id + " is "
                        + current.state() + " and cannot become " + to + " (allowed: "
                        + OrderState.TRANSITIONS.get(current.state()) + ")");
            }
            Optional<Transition> done = compareAndSet(current, to, key);
            if (done.isPresent()) {
                return done.get();
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("order " + id + " kept changing under " + CAS_ATTEMPTS
                + " attempts to move it to " + to);
    }

    private Optional<Transition> compareAndSet(Order current, OrderState to, String key) {
        long now = clock.millis();
        long next = current.version() + 1;
        try {
            return Jdbc.inTransaction(dataSource, "cannot move order " + current.id(), c -> {
                try (PreparedStatement update = c.prepareStatement("UPDATE orders SET state = ?, version = ?, "
                        + "updated_at = ? WHERE id = ? AND version = ? AND tenant IS NOT DISTINCT FROM ?")) {
                    update.setString(1, to.name());
                    update.setLong(2, next);
                    update.setLong(3, now);
                    update.setString(4, current.id());
                    update.setLong(5, current.version());
                    update.setString(6, current.tenant());
                    if (update.executeUpdate() == 0) {
                        return Optional.empty();
                    }
                }
                try (PreparedStatement log = c.prepareStatement("INSERT INTO order_transitions (order_id, idem_key, "
                        + "from_state, to_state, version, applied_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    log.setString(1, current.id());
                    log.setString(2, key);
                    log.setString(3, current.state().name());
                    log.setString(4, to.name());
                    log.setLong(5, next);
                    log.setLong(6, now);
                    log.executeUpdate();
                }
                OrderEvents.moved(c, current, to, next);
                return Optional.of(new Transition(to, next, true));
            });
        } catch (StorageFailure failure) {
            if (failure.isUniqueViolation()) {
                return Optional.empty(); // a twin delivery with the same key won; the next round replays its answer
            }
            throw failure;
        }
    }

    private Optional<Transition> recorded(String id, String key, String tenant) {
        return Jdbc.read(dataSource, "cannot read the transitions of order " + id, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT t.to_state, t.version FROM order_transitions t "
                    + "JOIN orders o ON o.id = t.order_id "
                    + "WHERE t.order_id = ? AND t.idem_key = ? AND o.tenant IS NOT DISTINCT FROM ?")) {
                select.setString(1, id);
                select.setString(2, key);
                select.setString(3, tenant);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(new Transition(OrderState.valueOf(rs.getString(1)), rs.getLong(2),
                            false)) : Optional.empty();
                }
            }
        });
    }

    private Order insert(Connection c, String key, String orderId, String store, String customer,
                         List<Inputs.Item> items, String tenant)
            throws SQLException {
        // another tenant's store has no menu here, as a store that does not exist: every item is unknown
        Map<String, MenuItem> menu = Stores.owns(c, tenant, store) ? menu(c, store, items) : Map.of();
        List<String> unknown = items.stream().map(Inputs.Item::sku).filter(sku -> !menu.containsKey(sku)).toList();
        if (!unknown.isEmpty()) {
            throw new ConnectorBusinessError(OrderErrors.UNKNOWN_ITEM, "not on the menu of store " + store + ": "
                    + String.join(", ", unknown));
        }
        if (menu.values().stream().map(MenuItem::currency).distinct().count() > 1) {
            throw new IllegalStateException("the menu of store " + store + " mixes currencies");
        }
        List<OrderLine> lines = new ArrayList<>();
        long total = 0;
        for (Inputs.Item item : items) {
            MenuItem priced = menu.get(item.sku());
            OrderLine line = new OrderLine(item.sku(), priced.name(), item.intQty(), priced.unitPriceMinor());
            total = Math.addExact(total, line.totalMinor());
            lines.add(line);
        }
        long now = clock.millis();
        Order order = new Order(orderId, tenant, store, customer, OrderState.CREATED, total,
                menu.values().iterator().next().currency(), 0, now, now, lines);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO orders (id, create_key, store, customer, "
                + "state, total_minor, currency, version, created_at, updated_at, tenant) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, order.id());
            insert.setString(2, key);
            insert.setString(3, store);
            insert.setString(4, customer);
            insert.setString(5, order.state().name());
            insert.setLong(6, total);
            insert.setString(7, order.currency());
            insert.setLong(8, order.version());
            insert.setLong(9, now);
            insert.setLong(10, now);
            insert.setString(11, tenant);
            insert.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO order_lines (order_id, line_no, sku, name, "
                + "qty, unit_price_minor) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < lines.size(); i++) {
                OrderLine line = lines.get(i);
                insert.setString(1, order.id());
                insert.setInt(2, i + 1);
                insert.setString(3, line.sku());
                insert.setString(4, line.name());
                insert.setInt(5, line.qty());
                insert.setLong(6, line.unitPriceMinor());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return order;
    }

    private record MenuItem(String name, long unitPriceMinor, String currency) {
    }

    private static Map<String, MenuItem> menu(Connection c, String store, List<Inputs.Item> items)
            throws SQLException {
        String marks = String.join(", ", Collections.nCopies(items.size(), "?"));
        try (PreparedStatement select = c.prepareStatement("SELECT sku, name, unit_price_minor, currency "
                + "FROM menu_items WHERE store = ? AND sku IN (" + marks + ")")) {
            select.setString(1, store);
            for (int i = 0; i < items.size(); i++) {
                select.setString(i + 2, items.get(i).sku());
            }
            Map<String, MenuItem> menu = new HashMap<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    menu.put(rs.getString(1), new MenuItem(rs.getString(2), rs.getLong(3), rs.getString(4).trim()));
                }
            }
            return menu;
        }
    }

    private Optional<Order> findByKey(String key, String tenant) {
        return Jdbc.read(dataSource, "cannot read orders", c -> load(c, "create_key", key, tenant));
    }

    /** {@code column} is one of our own column names, never input. */
    private static Optional<Order> load(Connection c, String column, String value, String tenant)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id, store, customer, state, total_minor, currency, "
                + "version, created_at, updated_at, tenant FROM orders "
                + "WHERE " + column + " = ? AND tenant IS NOT DISTINCT FROM ?")) {
            select.setString(1, value);
            select.setString(2, tenant);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String id = rs.getString(1);
                return Optional.of(new Order(id, rs.getString(10), rs.getString(2), rs.getString(3),
                        OrderState.valueOf(rs.getString(4)), rs.getLong(5), rs.getString(6).trim(), rs.getLong(7),
                        rs.getLong(8), rs.getLong(9), lines(c, id)));
            }
        }
    }

    private static List<OrderLine> lines(Connection c, String orderId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT sku, name, qty, unit_price_minor FROM order_lines "
                + "WHERE order_id = ? ORDER BY line_no")) {
            select.setString(1, orderId);
            List<OrderLine> lines = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    lines.add(new OrderLine(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4)));
                }
            }
            return lines;
        }
    }
}
