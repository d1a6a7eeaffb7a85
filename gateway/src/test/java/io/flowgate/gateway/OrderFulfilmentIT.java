package io.flowgate.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restaurant example's order flows end to end: {@code POST /orders} runs {@code order-fulfilment} on the real
 * gateway (orders, inventory and the sandbox payment provider over HTTP), and the tables — not only the answers —
 * show what happened. Each test works on its own store and SKU, so the tests do not disturb each other.
 */
class OrderFulfilmentIT {

    private static GatewayServer gateway;
    private static GatewayServer customer;
    private static GatewayServer staff;
    private static DataSource db;

    @BeforeAll
    static void start() {
        // a short read timeout so that the provider-timeout tests take seconds, not minutes
        gateway = GatewayServer.start(Map.of("flowgate.payments.read-timeout", "2s"));
        customer = gateway.as(gateway.createUser("ada", null, "customer"));
        staff = gateway.as(gateway.createUser("grace", null, "customer-service"));
        db = gateway.context().getBean(DataSource.class);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void placesAnOrderThatEndsPaidWithTheTotalComputedByTheServer() throws SQLException {
        Reply reply = customer.postJson("/orders", order("downtown", "paid-1", "tok_visa",
                "{\"sku\":\"burger\",\"qty\":2},{\"sku\":\"soda\",\"qty\":1}"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonNode body = reply.json();
        assertThat(body.path("state").asText()).isEqualTo("PAID");
        assertThat(body.path("total").decimalValue()).isEqualByComparingTo("19.50"); // 2 × 8.50 + 2.50
        assertThat(body.path("currency").asText()).isEqualTo("USD");
        assertThat(body.path("paymentId").asText()).isNotBlank();
        String orderId = body.path("orderId").asText();
        assertThat(ledger(orderId)).containsExactly(Map.entry("CAPTURED", new BigDecimal("19.50")));
        assertThat(orderState(orderId)).isEqualTo("PAID");

        Reply read = staff.get("/orders/" + orderId);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("state").asText()).isEqualTo("PAID");
        assertThat(read.json().path("lines")).hasSize(2);
    }

    @Test
    void ignoresATotalTheClientSends() {
        Reply reply = customer.postJson("/orders", "{\"store\":\"downtown\",\"customer\":\"cheat\",\"items\":"
                + "[{\"sku\":\"fries\",\"qty\":1}],\"paymentToken\":\"tok_visa\",\"total\":0.01}");

        assertThat(reply.status()).as("additional properties are refused by the schema").isEqualTo(400);
    }

    @Test
    void answersConflictBeforeAnyChargeWhenStockIsShort() throws SQLException {
        long ledgerRows = count("SELECT COUNT(*) FROM sandbox_payment_ledger");
        Stock before = stock("downtown", "salad");

        Reply reply = customer.postJson("/orders", order("downtown", "short-1", "tok_visa",
                "{\"sku\":\"salad\",\"qty\":" + (before.available() + 1) + "}"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
        assertThat(reply.json().path("errorCode").asText()).isEqualTo("OUT_OF_STOCK");
        assertThat(count("SELECT COUNT(*) FROM sandbox_payment_ledger")).isEqualTo(ledgerRows);
        assertThat(stock("downtown", "salad")).isEqualTo(before);
        assertThat(statesOf("short-1")).containsExactly("CANCELLED");
    }

    @Test
    void declinedPaymentCancelsTheOrderAndReleasesTheStock() throws SQLException {
        Stock before = stock("uptown", "fries");

        Reply reply = customer.postJson("/orders", order("uptown", "decline-1", "decline",
                "{\"sku\":\"fries\",\"qty\":3}"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(402);
        assertThat(reply.json().path("errorCode").asText()).isEqualTo("PAYMENT_DECLINED");
        assertThat(statesOf("decline-1")).containsExactly("CANCELLED");
        assertThat(stock("uptown", "fries")).isEqualTo(before);
        String orderId = orderIdsOf("decline-1").get(0);
        assertThat(ledger(orderId)).extracting(Map.Entry::getKey).doesNotContain("CAPTURED");
    }

    @Test
    void retriesALostPaymentAnswerWithTheSameKeyAndChargesOnce() throws SQLException {
        Reply reply = customer.postJson("/orders", order("downtown", "lost-answer-1", "timeout-once",
                "{\"sku\":\"fries\",\"qty\":1}"));

        // first attempt: no answer within the read timeout; the job is retried 10 s later and gets the same charge
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().path("state").asText()).isEqualTo("PAID");
        assertThat(ledger(reply.json().path("orderId").asText()))
                .containsExactly(Map.entry("CAPTURED", new BigDecimal("3.50")));
    }

    @Test
    void aProviderThatNeverAnswersEndsInAnIncidentWithTheStockStillHeld() throws Exception {
        Stock before = stock("downtown", "burger");

        Reply reply = customer.postJson("/orders", order("downtown", "no-answer-1", "timeout",
                "{\"sku\":\"burger\",\"qty\":1}"));

        assertThat(reply.status()).as("still retrying when the sync budget runs out").isEqualTo(202);
        String instanceId = reply.header("Flowgate-Instance");
        JsonNode incident = awaitIncident(instanceId);
        assertThat(incident.path("activityId").asText()).isEqualTo("chargePayment");
        assertThat(statesOf("no-answer-1")).containsExactly("PAYING");
        assertThat(stock("downtown", "burger").reserved()).isEqualTo(before.reserved() + 1);
        assertThat(ledger(orderIdsOf("no-answer-1").get(0))).isEmpty();
    }

    @Test
    void unknownOrderIsNotFound() {
        Reply reply = staff.get("/orders/no-such-order");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
    }

    @Test
    void customersCannotReadOrdersOrStock() {
        assertThat(customer.get("/stores/downtown/stock").status()).isEqualTo(403);
        assertThat(customer.get("/orders/anything").status()).isEqualTo(403);
    }

    @Test
    void staffReadsAStoresStock() throws SQLException {
        Reply reply = staff.get("/stores/uptown/stock");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("store").asText()).isEqualTo("uptown");
        JsonNode burger = null;
        for (JsonNode line : reply.json().path("stock")) {
            if ("burger".equals(line.path("sku").asText())) {
                burger = line;
            }
        }
        assertThat(burger).isNotNull();
        assertThat(burger.path("available").asLong()).isEqualTo(stock("uptown", "burger").available());
    }

    @Test
    void neverSellsMoreThanTheStockUnderConcurrentOrders() throws Exception {
        setStock("uptown", "salad", 100);
        AtomicLong lowest = new AtomicLong(Long.MAX_VALUE);
        AtomicBoolean placing = new AtomicBoolean(true);
        Thread watcher = watch("uptown", "salad", lowest, placing);

        List<Reply> replies = placeInParallel(300, 300, i -> order("uptown", "rush-" + i, "tok_visa",
                "{\"sku\":\"salad\",\"qty\":1}"));
        placing.set(false);
        watcher.join();

        Map<Integer, Integer> byStatus = byStatus(replies);
        assertThat(byStatus).as(byStatus.toString()).containsOnlyKeys(201, 409);
        assertThat(byStatus.get(201)).isEqualTo(100);
        assertThat(byStatus.get(409)).isEqualTo(200);
        replies.stream().filter(r -> r.status() == 201)
                .forEach(r -> assertThat(r.json().path("state").asText()).isEqualTo("PAID"));
        assertThat(stock("uptown", "salad")).isEqualTo(new Stock(0, 0));
        assertThat(lowest.get()).as("available stock seen while ordering").isGreaterThanOrEqualTo(0);
        assertThat(count("SELECT COUNT(*) FROM orders WHERE customer LIKE 'rush-%' AND state = 'PAID'"))
                .isEqualTo(100);
        assertThat(count("SELECT COUNT(*) FROM orders WHERE customer LIKE 'rush-%' AND state = 'CANCELLED'"))
                .isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM sandbox_payment_ledger l JOIN orders o ON l.order_ref = o.id "
                + "WHERE o.customer LIKE 'rush-%'")).as("charges").isEqualTo(100);
    }

    @Test
    void compensatesEveryDeclinedOrderAndChargesEveryPaidOneExactlyOnce() throws Exception {
        setStock("uptown", "soda", 1_000);

        List<Reply> replies = placeInParallel(200, 50, i -> order("uptown", "saga-" + i,
                i % 10 == 0 ? "decline" : "tok_visa", "{\"sku\":\"soda\",\"qty\":1}"));

        Map<Integer, Integer> byStatus = byStatus(replies);
        assertThat(byStatus).as(byStatus.toString()).containsOnly(Map.entry(201, 180), Map.entry(402, 20));
        assertThat(count("SELECT COUNT(*) FROM orders WHERE customer LIKE 'saga-%' AND state = 'CANCELLED'"))
                .isEqualTo(20);
        assertThat(count("SELECT COUNT(*) FROM orders WHERE customer LIKE 'saga-%' AND state = 'PAID'"))
                .isEqualTo(180);
        for (int i = 0; i < 200; i += 10) {
            assertThat(statesOf("saga-" + i)).as("saga-" + i).containsExactly("CANCELLED");
        }
        assertThat(stock("uptown", "soda")).as("released holds, sold paid ones").isEqualTo(new Stock(820, 0));
        // every PAID order has exactly one captured charge, and no cancelled order has one
        assertThat(count("SELECT COUNT(*) FROM orders o WHERE o.customer LIKE 'saga-%' AND o.state = 'PAID' AND "
                + "(SELECT COUNT(*) FROM sandbox_payment_ledger l WHERE l.order_ref = o.id "
                + "AND l.status = 'CAPTURED') <> 1")).isZero();
        assertThat(count("SELECT COUNT(*) FROM sandbox_payment_ledger l JOIN orders o ON l.order_ref = o.id "
                + "WHERE o.customer LIKE 'saga-%' AND o.state = 'CANCELLED' AND l.status = 'CAPTURED'")).isZero();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static String order(String store, String who, String token, String items) {
        return "{\"store\":\"" + store + "\",\"customer\":\"" + who + "\",\"items\":[" + items
                + "],\"paymentToken\":\"" + token + "\"}";
    }

    private interface Body {
        String of(int i);
    }

    /** Sends {@code count} orders from {@code threads} threads released at once. */
    private static List<Reply> placeInParallel(int count, int threads, Body body) throws Exception {
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
                replies.add(future.get(120, TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    private static JsonNode awaitIncident(String instanceId) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode incident : gateway.get("/admin/incidents").json()) {
                if (incident.path("instanceId").asText().equals(instanceId)) {
                    return incident;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no incident for " + instanceId);
    }

    private static Map<Integer, Integer> byStatus(List<Reply> replies) {
        Map<Integer, Integer> counts = new HashMap<>();
        replies.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return counts;
    }

    /** Samples the row while orders are placed and keeps the lowest available quantity seen. */
    private static Thread watch(String store, String sku, AtomicLong lowest, AtomicBoolean running) {
        Thread thread = new Thread(() -> {
            while (running.get()) {
                try {
                    lowest.accumulateAndGet(stock(store, sku).available(), Math::min);
                    Thread.sleep(5);
                } catch (SQLException | InterruptedException e) {
                    return;
                }
            }
        }, "stock-watcher");
        thread.start();
        return thread;
    }

    record Stock(long onHand, long reserved) {
        long available() {
            return onHand - reserved;
        }
    }

    private static Stock stock(String store, String sku) throws SQLException {
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

    /** Sets a SKU's stock directly in the table (no holds), as an inventory count would. */
    private static void setStock(String store, String sku, long onHand) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE stock SET on_hand = ?, reserved = 0, version = version + 1 WHERE store = ? AND sku = ?")) {
            s.setLong(1, onHand);
            s.setString(2, store);
            s.setString(3, sku);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> statesOf(String who) throws SQLException {
        return column("SELECT state FROM orders WHERE customer = ?", who);
    }

    private static List<String> orderIdsOf(String who) throws SQLException {
        return column("SELECT id FROM orders WHERE customer = ?", who);
    }

    private static String orderState(String orderId) throws SQLException {
        List<String> states = column("SELECT state FROM orders WHERE id = ?", orderId);
        assertThat(states).hasSize(1);
        return states.get(0);
    }

    private static List<String> column(String sql, String parameter) throws SQLException {
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

    private static List<Map.Entry<String, BigDecimal>> ledger(String orderId) {
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
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
