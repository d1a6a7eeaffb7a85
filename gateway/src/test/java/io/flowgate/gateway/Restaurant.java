package io.flowgate.gateway;

import io.flowgate.gateway.GatewayServer.Reply;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restaurant example seen from a test: places orders through the gateway and reads the domain tables directly
 * (orders, stock, the sandbox provider's ledger), so tests check what happened, not only what was answered.
 */
final class Restaurant {

    /** The tenant that owns the seeded stores downtown and uptown. */
    static final String BISTRO = "bistro";
    /** The tenant that owns the seeded stores harbour and station. */
    static final String DINER = "diner";

    record Stock(long onHand, long reserved) {
        long available() {
            return onHand - reserved;
        }
    }

    interface Body {
        String of(int i);
    }

    private final DataSource db;

    Restaurant(DataSource db) {
        this.db = db;
    }

    /** The body of {@code POST /orders}; the customer is whoever's token places it. */
    static String order(String store, String token, String items) {
        return "{\"store\":\"" + store + "\",\"items\":[" + items + "],\"paymentToken\":\"" + token + "\"}";
    }

    /** Sends {@code count} orders from {@code threads} threads released at once; replies in order of {@code i}. */
    List<Reply> placeInParallel(GatewayServer customer, int count, int threads, Body body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String json = body.of(i);
                Callable<Reply> call = () -> {
                    go.await();
                    return customer.postJson("/orders", json);
                };
                futures.add(pool.submit(call));
            }
            go.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> future : futures) {
                replies.add(future.get(300, TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    static Map<Integer, Integer> byStatus(List<Reply> replies) {
        Map<Integer, Integer> counts = new HashMap<>();
        replies.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return counts;
    }

    Stock stock(String store, String sku) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT on_hand, reserved FROM stock WHERE store = ? AND sku = ?")) {
            s.setString(1, store);
            s.setString(2, sku);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("stock row " + store + "/" + sku).isTrue();
                return new Stock(rs.getLong(1), rs.getLong(2));
            }
        }
    }

    /**
     * Opens a store of {@code tenant} (null: a store of the flows without tenant) with downtown's menu and 100 of each
     * of its SKUs, as an operator would in the tables: no connector makes stores.
     */
    void openStore(String store, String tenant) throws SQLException {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO stores (id, tenant, name) VALUES (?, ?, ?)")) {
                s.setString(1, store);
                s.setString(2, tenant);
                s.setString(3, store);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO menu_items (store, sku, name, "
                    + "unit_price_minor, currency) SELECT ?, sku, name, unit_price_minor, currency FROM menu_items "
                    + "WHERE store = 'downtown'")) {
                s.setString(1, store);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO stock (store, sku, on_hand, reserved, "
                    + "version, updated_at) SELECT ?, sku, 100, 0, 0, 0 FROM menu_items WHERE store = 'downtown'")) {
                s.setString(1, store);
                s.executeUpdate();
            }
        }
    }

    /** Sets a SKU's stock directly in the table (no holds), as an inventory count would. */
    void setStock(String store, String sku, long onHand) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE stock SET on_hand = ?, reserved = 0, version = version + 1 WHERE store = ? AND sku = ?")) {
            s.setLong(1, onHand);
            s.setString(2, store);
            s.setString(3, sku);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    long count(String sql, String... parameters) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The order a {@code POST /orders} created, found by its creation key: the answering instance's createOrder. */
    String orderIdOf(Reply reply) throws SQLException {
        return single("SELECT id FROM orders WHERE create_key = ?", reply);
    }

    String stateOf(Reply reply) throws SQLException {
        return single("SELECT state FROM orders WHERE create_key = ?", reply);
    }

    private String single(String sql, Reply reply) throws SQLException {
        String instanceId = reply.header("Flowgate-Instance");
        assertThat(instanceId).as("instance of " + reply).isNotBlank();
        List<String> values = column(sql, instanceId + ":createOrder");
        assertThat(values).as("order of instance " + instanceId).hasSize(1);
        return values.get(0);
    }

    String orderState(String orderId) throws SQLException {
        List<String> states = column("SELECT state FROM orders WHERE id = ?", orderId);
        assertThat(states).hasSize(1);
        return states.get(0);
    }

    /** Every row of the query as its columns joined by spaces, sorted: a table's content to compare. */
    List<String> rows(String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rs.getString(i)).append(' ');
                }
                rows.add(row.toString());
            }
            rows.sort(null);
            return rows;
        }
    }

    List<String> column(String sql, String parameter) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    /** The sandbox provider's charges for an order: (status, amount). */
    List<Map.Entry<String, BigDecimal>> ledger(String orderId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT status, amount FROM sandbox_payment_ledger WHERE order_ref = ?")) {
            s.setString(1, orderId);
            List<Map.Entry<String, BigDecimal>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(Map.entry(rs.getString(1), rs.getBigDecimal(2)));
                }
            }
            return rows;
        }
    }
}
