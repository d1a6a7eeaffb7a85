package io.flowgate.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restaurant example's order flows end to end: {@code POST /orders} runs {@code order-fulfilment} on the real
 * gateway (orders, inventory and the sandbox payment provider over HTTP), and the tables — not only the answers —
 * show what happened. Each test works on its own store and SKU, so the tests do not disturb each other. The users
 * belong to the tenant bistro, which owns the stores downtown and uptown.
 */
class OrderFulfilmentIT {

    private static GatewayServer gateway;
    private static GatewayServer customer;
    private static GatewayServer staff;
    private static Restaurant shop;

    @BeforeAll
    static void start() {
        // a short read timeout so that the provider-timeout tests take seconds, not minutes
        gateway = GatewayServer.start(Map.of("flowgate.payments.read-timeout", "2s"));
        customer = gateway.as(gateway.createUser("ada", Restaurant.BISTRO, "customer"));
        staff = gateway.as(gateway.createUser("grace", Restaurant.BISTRO, "customer-service"));
        shop = new Restaurant(gateway.context().getBean(DataSource.class));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void placesAnOrderThatEndsPaidWithTheTotalComputedByTheServer() throws SQLException {
        Reply reply = customer.postJson("/orders", Restaurant.order("downtown", "tok_visa",
                "{\"sku\":\"burger\",\"qty\":2},{\"sku\":\"soda\",\"qty\":1}"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonNode body = reply.json();
        assertThat(body.path("state").asText()).isEqualTo("PAID");
        assertThat(body.path("total").decimalValue()).isEqualByComparingTo("19.50"); // 2 × 8.50 + 2.50
        assertThat(body.path("currency").asText()).isEqualTo("USD");
        assertThat(body.path("paymentId").asText()).isNotBlank();
        String orderId = body.path("orderId").asText();
        assertThat(shop.ledger(orderId)).containsExactly(Map.entry("CAPTURED", new BigDecimal("19.50")));
        assertThat(shop.orderState(orderId)).isEqualTo("PAID");
        assertThat(shop.count("SELECT COUNT(*) FROM notifications WHERE channel = 'kitchen-downtown' "
                + "AND subject = ?", "Order " + orderId + " is paid")).as("the kitchen heard of it").isEqualTo(1);

        Reply read = staff.get("/orders/" + orderId);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("state").asText()).isEqualTo("PAID");
        assertThat(read.json().path("lines")).hasSize(2);
    }

    @Test
    void ignoresATotalTheClientSends() {
        Reply reply = customer.postJson("/orders", "{\"store\":\"downtown\",\"items\":"
                + "[{\"sku\":\"fries\",\"qty\":1}],\"paymentToken\":\"tok_visa\",\"total\":0.01}");

        assertThat(reply.status()).as("additional properties are refused by the schema").isEqualTo(400);
    }

    @Test
    void answersConflictBeforeAnyChargeWhenStockIsShort() throws SQLException {
        long ledgerRows = shop.count("SELECT COUNT(*) FROM sandbox_payment_ledger");
        Restaurant.Stock before = shop.stock("downtown", "salad");

        Reply reply = customer.postJson("/orders", Restaurant.order("downtown", "tok_visa",
                "{\"sku\":\"salad\",\"qty\":" + (before.available() + 1) + "}"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
        assertThat(reply.json().path("errorCode").asText()).isEqualTo("OUT_OF_STOCK");
        assertThat(shop.count("SELECT COUNT(*) FROM sandbox_payment_ledger")).isEqualTo(ledgerRows);
        assertThat(shop.stock("downtown", "salad")).isEqualTo(before);
        assertThat(List.of(shop.stateOf(reply))).containsExactly("CANCELLED");
    }

    @Test
    void declinedPaymentCancelsTheOrderAndReleasesTheStock() throws SQLException {
        Restaurant.Stock before = shop.stock("uptown", "fries");

        Reply reply = customer.postJson("/orders", Restaurant.order("uptown", "decline",
                "{\"sku\":\"fries\",\"qty\":3}"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(402);
        assertThat(reply.json().path("errorCode").asText()).isEqualTo("PAYMENT_DECLINED");
        assertThat(List.of(shop.stateOf(reply))).containsExactly("CANCELLED");
        assertThat(shop.stock("uptown", "fries")).isEqualTo(before);
        String orderId = shop.orderIdOf(reply);
        assertThat(shop.ledger(orderId)).extracting(Map.Entry::getKey).doesNotContain("CAPTURED");
    }

    @Test
    void retriesALostPaymentAnswerWithTheSameKeyAndChargesOnce() throws SQLException {
        Reply reply = customer.postJson("/orders", Restaurant.order("downtown", "timeout-once",
                "{\"sku\":\"fries\",\"qty\":1}"));

        // first attempt: no answer within the read timeout; the job is retried 10 s later and gets the same charge
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().path("state").asText()).isEqualTo("PAID");
        assertThat(shop.ledger(reply.json().path("orderId").asText()))
                .containsExactly(Map.entry("CAPTURED", new BigDecimal("3.50")));
    }

    @Test
    void aProviderThatNeverAnswersEndsInAnIncidentWithTheStockStillHeld() throws Exception {
        Restaurant.Stock before = shop.stock("downtown", "burger");

        Reply reply = customer.postJson("/orders", Restaurant.order("downtown", "timeout",
                "{\"sku\":\"burger\",\"qty\":1}"));

        assertThat(reply.status()).as("still retrying when the sync budget runs out").isEqualTo(202);
        String instanceId = reply.header("Flowgate-Instance");
        JsonNode incident = awaitIncident(instanceId);
        assertThat(incident.path("activityId").asText()).isEqualTo("chargePayment");
        assertThat(List.of(shop.stateOf(reply))).containsExactly("PAYING");
        assertThat(shop.stock("downtown", "burger").reserved()).isEqualTo(before.reserved() + 1);
        assertThat(shop.ledger(shop.orderIdOf(reply))).isEmpty();
    }

    @Test
    void unknownOrderIsNotFound() {
        Reply reply = staff.get("/orders/no-such-order");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
    }

    @Test
    void customersCannotReadAnyOrderOrTheStock() {
        assertThat(customer.get("/stores/downtown/stock").status()).isEqualTo(403);
        assertThat(customer.get("/orders/anything").status()).isEqualTo(403);
    }

    @Test
    void theOrderBelongsToWhoeverTokenPlacedItNotToANameInTheBody() throws SQLException {
        Reply spoofed = customer.postJson("/orders", "{\"store\":\"downtown\",\"customer\":\"someone-else\","
                + "\"items\":[{\"sku\":\"soda\",\"qty\":1}],\"paymentToken\":\"tok_visa\"}");
        assertThat(spoofed.status()).as("the body cannot name a customer").isEqualTo(400);

        Reply placed = customer.postJson("/orders", Restaurant.order("downtown", "tok_visa",
                "{\"sku\":\"soda\",\"qty\":1}"));

        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(shop.column("SELECT customer FROM orders WHERE id = ?", placed.json().path("orderId").asText()))
                .containsExactly("ada");
    }

    @Test
    void customersReadTheirOwnOrdersAndOthersLookUnknown() {
        Reply placed = customer.postJson("/orders", Restaurant.order("downtown", "tok_visa",
                "{\"sku\":\"soda\",\"qty\":2}"));
        String orderId = placed.json().path("orderId").asText();
        GatewayServer otherCustomer = gateway.as(gateway.createUser("bea", Restaurant.BISTRO, "customer"));

        Reply mine = customer.get("/me/orders/" + orderId);
        Reply theirs = otherCustomer.get("/me/orders/" + orderId);
        Reply unknown = otherCustomer.get("/me/orders/no-such-order");

        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().path("customer").asText()).isEqualTo("ada");
        assertThat(mine.json().path("lines")).hasSize(1);
        assertThat(theirs.status()).as(theirs.toString()).isEqualTo(404);
        assertThat(theirs.json().path("errorCode").asText()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(theirs.json().path("detail").asText()).isEqualTo(unknown.json().path("detail").asText()
                .replace("no-such-order", orderId));
        assertThat(staff.get("/me/orders/" + orderId).status()).as("staff use /orders/{id}").isEqualTo(403);
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
        assertThat(burger.path("available").asLong()).isEqualTo(shop.stock("uptown", "burger").available());
    }

    @Test
    void neverSellsMoreThanTheStockUnderConcurrentOrders() throws Exception {
        shop.setStock("uptown", "salad", 100);
        AtomicLong lowest = new AtomicLong(Long.MAX_VALUE);
        AtomicBoolean placing = new AtomicBoolean(true);
        Thread watcher = watch("uptown", "salad", lowest, placing);

        GatewayServer rush = gateway.as(gateway.createUser("rush", Restaurant.BISTRO, "customer"));
        List<Reply> replies = shop.placeInParallel(rush, 300, 300,
                i -> Restaurant.order("uptown", "tok_visa", "{\"sku\":\"salad\",\"qty\":1}"));
        placing.set(false);
        watcher.join();

        Map<Integer, Integer> byStatus = Restaurant.byStatus(replies);
        assertThat(byStatus).as(byStatus.toString()).containsOnlyKeys(201, 409);
        assertThat(byStatus.get(201)).isEqualTo(100);
        assertThat(byStatus.get(409)).isEqualTo(200);
        replies.stream().filter(r -> r.status() == 201)
                .forEach(r -> assertThat(r.json().path("state").asText()).isEqualTo("PAID"));
        assertThat(shop.stock("uptown", "salad")).isEqualTo(new Restaurant.Stock(0, 0));
        assertThat(lowest.get()).as("available stock seen while ordering").isGreaterThanOrEqualTo(0);
        assertThat(shop.count("SELECT COUNT(*) FROM orders WHERE customer = 'rush' AND state = 'PAID'"))
                .isEqualTo(100);
        assertThat(shop.count("SELECT COUNT(*) FROM orders WHERE customer = 'rush' AND state = 'CANCELLED'"))
                .isEqualTo(200);
        assertThat(shop.count("SELECT COUNT(*) FROM sandbox_payment_ledger l JOIN orders o ON l.order_ref = o.id "
                + "WHERE o.customer = 'rush'")).as("charges").isEqualTo(100);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

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

    /** Samples the row while orders are placed and keeps the lowest available quantity seen. */
    private static Thread watch(String store, String sku, AtomicLong lowest, AtomicBoolean running) {
        Thread thread = new Thread(() -> {
            while (running.get()) {
                try {
                    lowest.accumulateAndGet(shop.stock(store, sku).available(), Math::min);
                    Thread.sleep(5);
                } catch (SQLException | InterruptedException e) {
                    return;
                }
            }
        }, "stock-watcher");
        thread.start();
        return thread;
    }
}
