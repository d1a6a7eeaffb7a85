package io.flowgate.gateway.crash;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What the database holds after the run, read once the gateway has stopped (an H2 file opens in one process at a
 * time): the order instances by the client's ref, the orders, the stock holds; and the provider's ledger.
 */
record Books(Map<String, List<String>> instancesByRef, Map<String, Instance> instances, Map<String, Order> ordersByInstance,
             List<Charge> charges, List<Hold> holds, List<String> stockMismatches) {

    /** A flow instance as its history records it. */
    record Instance(String id, boolean ended, String state) {
    }

    record Order(String id, String instanceId, String state, long totalMinor) {
    }

    /** A row of sandbox_payment_ledger. */
    record Charge(String paymentId, String orderRef, String status, BigDecimal amount, BigDecimal refunded) {

        /** Money the provider took and still keeps for the order. */
        BigDecimal kept() {
            return "CAPTURED".equals(status) ? amount.subtract(refunded) : BigDecimal.ZERO;
        }
    }

    /** A row of stock_reservations; {@code instanceId} is the instance whose reserveStock step made it. */
    record Hold(String id, String instanceId, String status) {
    }

    /** The gateway's database at {@code jdbcUrl}; the provider's ledger from {@code providerBooks}. */
    static Books read(String jdbcUrl, String user, String password, DataSource providerBooks) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
             Connection provider = providerBooks.getConnection()) {
            Map<String, List<String>> byRef = new HashMap<>();
            query(c, "SELECT TEXT_, PROC_INST_ID_ FROM ACT_HI_VARINST WHERE NAME_ = 'crashRef'",
                    rs -> byRef.computeIfAbsent(rs.getString(1), r -> new ArrayList<>()).add(rs.getString(2)));
            Map<String, Instance> instances = new HashMap<>();
            query(c, "SELECT ID_, END_TIME_, STATE_ FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'order-fulfilment'",
                    rs -> instances.put(rs.getString(1), new Instance(rs.getString(1), rs.getTimestamp(2) != null,
                            rs.getString(3))));
            Map<String, Order> orders = new HashMap<>();
            query(c, "SELECT id, create_key, state, total_minor FROM orders", rs -> {
                String instance = beforeColon(rs.getString(2));
                orders.put(instance, new Order(rs.getString(1), instance, rs.getString(3), rs.getLong(4)));
            });
            List<Charge> charges = new ArrayList<>();
            query(provider, "SELECT payment_id, order_ref, status, amount, refunded_amount FROM sandbox_payment_ledger",
                    rs -> charges.add(new Charge(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getBigDecimal(4) == null ? BigDecimal.ZERO : rs.getBigDecimal(4), rs.getBigDecimal(5))));
            List<Hold> holds = new ArrayList<>();
            query(c, "SELECT id, idem_key, status FROM stock_reservations",
                    rs -> holds.add(new Hold(rs.getString(1), beforeColon(rs.getString(2)), rs.getString(3))));
            List<String> mismatches = new ArrayList<>();
            query(c, "SELECT s.store, s.sku, s.reserved, (SELECT COALESCE(SUM(l.qty), 0) FROM stock_reservation_lines l "
                    + "JOIN stock_reservations r ON r.id = l.reservation_id WHERE r.status = 'HELD' AND r.store = s.store "
                    + "AND l.sku = s.sku) FROM stock s WHERE s.reserved <> (SELECT COALESCE(SUM(l.qty), 0) "
                    + "FROM stock_reservation_lines l JOIN stock_reservations r ON r.id = l.reservation_id "
                    + "WHERE r.status = 'HELD' AND r.store = s.store AND l.sku = s.sku)",
                    rs -> mismatches.add(rs.getString(1) + "/" + rs.getString(2) + ": reserved " + rs.getLong(3)
                            + ", held by reservations " + rs.getLong(4)));
            return new Books(byRef, instances, orders, charges, holds, mismatches);
        }
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, Row row) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                row.accept(rs);
            }
        }
    }

    private static String beforeColon(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? key : key.substring(0, colon);
    }

    List<String> instancesOf(String ref) {
        return instancesByRef.getOrDefault(ref, List.of());
    }

    List<Charge> chargesOf(String orderId) {
        return charges.stream().filter(c -> orderId.equals(c.orderRef())).toList();
    }
}
