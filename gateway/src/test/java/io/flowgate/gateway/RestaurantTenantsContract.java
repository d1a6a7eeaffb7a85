package io.flowgate.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restaurant example's two tenants over HTTP: {@code bistro} owns the stores downtown and uptown, {@code diner}
 * owns harbour and station. The staff and customers of one tenant cannot refund, move, read or even see the other's
 * orders, payments and stock: each attempt answers exactly what the same attempt on something that does not exist
 * answers, and the tables show that nothing moved. The first tests are the reproduction (staff of one
 * tenant refunded another tenant's paid order, moved its stock and read its orders); the sweep covers every domain
 * operation of the contract. Subclasses start the gateway on a database ({@link #prepare}).
 */
abstract class RestaurantTenantsContract {

    static GatewayServer gateway;
    private static Restaurant shop;
    private static GatewayServer bistroCustomer;
    private static GatewayServer bistroClerk;
    private static GatewayServer dinerCustomer;
    private static GatewayServer dinerClerk;
    private static GatewayServer dinerManager;
    /** Bistro's paid order, as POST /orders answered it. */
    private static JsonNode bistroOrder;

    /** Creates both tenants' staff and customers on {@code started}, and bistro's paid order. */
    static void prepare(GatewayServer started) {
        gateway = started;
        shop = new Restaurant(gateway.context().getBean(DataSource.class));
        bistroCustomer = gateway.as(gateway.createUser("ada", Restaurant.BISTRO, "customer"));
        bistroClerk = gateway.as(gateway.createUser("cleo", Restaurant.BISTRO, "customer-service"));
        dinerCustomer = gateway.as(gateway.createUser("dan", Restaurant.DINER, "customer"));
        dinerClerk = gateway.as(gateway.createUser("dora", Restaurant.DINER, "customer-service"));
        dinerManager = gateway.as(gateway.createUser("dex", Restaurant.DINER, "store-manager"));
        bistroOrder = placed(bistroCustomer, "downtown", "{\"sku\":\"burger\",\"qty\":2}");
    }

    // --- the reproduction ---------------------------------------------------------------------------------------

    @Test
    void dinerStaffCannotRefundABistroCustomersPaidOrder() throws SQLException {
        String orderId = bistroOrder.path("orderId").asText();
        String paymentId = bistroOrder.path("paymentId").asText();

        String nobodys = "no-such-order-" + suffix();

        Reply refund = refund(orderId, paymentId, "17.00");
        Reply unknown = refund(nobodys, "pay_no_such_payment", "17.00");

        assertThat(refund.status()).as(refund.toString()).isEqualTo(422);
        assertThat(refund.json().path("errorCode").asText()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(answer(refund)).isEqualTo(answer(unknown, Map.of(nobodys, orderId)));
        assertThat(shop.count("SELECT COUNT(*) FROM sandbox_refund_ledger WHERE payment_id = ?", paymentId))
                .as("refunds in the provider's books").isZero();
        assertThat(shop.ledger(orderId)).containsExactly(Map.entry("CAPTURED", new BigDecimal("17.00")));
        assertThat(shop.count("SELECT COUNT(*) FROM sandbox_payment_ledger WHERE payment_id = ? "
                + "AND refunded_amount = 0", paymentId)).isEqualTo(1);
        assertThat(shop.orderState(orderId)).isEqualTo("PAID");
    }

    @Test
    void dinerStaffCannotTransferBistroStock() throws SQLException {
        shop.setStock("downtown", "fries", 47);
        String stockOfBoth = "SELECT * FROM stock WHERE store IN ('downtown', 'harbour', 'nowhere')";
        List<String> before = shop.rows(stockOfBoth);

        Reply out = transfer("downtown", "harbour", "fries", 3);
        Reply outOfNowhere = transfer("nowhere", "harbour", "fries", 3);
        Reply in = transfer("harbour", "downtown", "coffee", 3);
        Reply intoNowhere = transfer("harbour", "nowhere", "coffee", 3);

        assertThat(out.status()).as(out.toString()).isEqualTo(409);
        assertThat(out.json().path("errorCode").asText()).isEqualTo("OUT_OF_STOCK");
        assertThat(answer(out)).isEqualTo(answer(outOfNowhere, Map.of("nowhere", "downtown")));
        assertThat(in.status()).as(in.toString()).isEqualTo(422);
        assertThat(in.json().path("errorCode").asText()).isEqualTo("INVALID_INPUT");
        assertThat(answer(in)).isEqualTo(answer(intoNowhere, Map.of("nowhere", "downtown")));
        assertThat(shop.stock("downtown", "fries")).isEqualTo(new Restaurant.Stock(47, 0));
        assertThat(shop.rows(stockOfBoth)).as("the stock of both stores, and of none").isEqualTo(before);
    }

    @Test
    void dinerStaffCannotReadBistroOrders() {
        String orderId = bistroOrder.path("orderId").asText();

        Reply read = dinerClerk.get("/orders/" + orderId);
        Reply mine = dinerCustomer.get("/me/orders/" + orderId);

        assertThat(read.status()).as(read.toString()).isEqualTo(404);
        assertThat(read.json().path("errorCode").asText()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(answer(read)).isEqualTo(answer(dinerClerk.get("/orders/no-such-order"),
                Map.of("no-such-order", orderId)));
        // without the order and instance ids: random hex, they may spell "ada" (seen: ...e067dada2f01)
        assertThat(answer(read, Map.of(orderId, "ORDER"))).doesNotContain("burger", "ada", "downtown");
        assertThat(mine.status()).isEqualTo(404);
        assertThat(answer(mine)).isEqualTo(answer(dinerCustomer.get("/me/orders/no-such-order"),
                Map.of("no-such-order", orderId)));
        Reply own = bistroClerk.get("/orders/" + orderId);
        assertThat(own.status()).as("bistro's staff read it: " + own).isEqualTo(200);
        assertThat(own.json().path("customer").asText()).isEqualTo("ada");
    }

    @Test
    void dinerStaffSeeBistroStoresStockAsAnUnknownStoresStock() {
        Reply downtown = dinerClerk.get("/stores/downtown/stock");

        assertThat(downtown.status()).as(downtown.toString()).isEqualTo(200);
        assertThat(downtown.json().path("stock")).isEmpty();
        assertThat(answer(downtown)).isEqualTo(answer(dinerClerk.get("/stores/nowhere/stock"),
                Map.of("nowhere", "downtown")));
        assertThat(dinerClerk.get("/stores/harbour/stock").json().path("stock")).hasSize(3);
        assertThat(bistroClerk.get("/stores/downtown/stock").json().path("stock")).hasSize(4);
    }

    @Test
    void anOrdersRowsAndEventsCarryTheTenantOfTheCustomer() throws SQLException {
        String orderId = bistroOrder.path("orderId").asText();
        String paymentId = bistroOrder.path("paymentId").asText();
        String instanceId = bistroOrder.path("instanceId").asText();

        assertThat(shop.column("SELECT tenant FROM orders WHERE id = ?", orderId)).containsExactly("bistro");
        assertThat(shop.column("SELECT tenant FROM payment_refs WHERE payment_id = ?", paymentId))
                .containsExactly("bistro");
        assertThat(shop.column("SELECT tenant FROM stock_reservations WHERE idem_key = ?",
                instanceId + ":reserveStock")).containsExactly("bistro");
        assertThat(shop.column("SELECT tenant FROM stock_movements WHERE idem_key = ?", instanceId + ":confirmStock"))
                .containsExactly("bistro");
        assertThat(shop.column("SELECT tenant FROM notifications WHERE instance_id = ?", instanceId))
                .containsExactly("bistro");
        assertThat(shop.column("SELECT type || ' ' || tenant FROM outbox_events WHERE subject = ?", orderId))
                .containsExactly("order.paid bistro");
        assertThat(shop.column("SELECT tenant FROM outbox_events WHERE type = 'instance.started' AND subject = ?",
                instanceId)).containsExactly("bistro");
    }

    // --- every domain operation of the contract ---------------------------------------------------------------

    /** A caller of diner does something naming bistro's thing or, given other names, something unknown. */
    private record Attempt(Function<Map<String, String>, Reply> call, Map<String, String> bistros) {
    }

    static Stream<Arguments> operations() {
        return Stream.of(
                operation("placeOrder: diner's customer orders from bistro's store", Map.of("store", "downtown"),
                        n -> dinerCustomer.postJson("/orders", Restaurant.order(n.get("store"), "tok_visa",
                                "{\"sku\":\"burger\",\"qty\":1}"))),
                operation("getOrder: diner's staff read bistro's order", Map.of("order", order()),
                        n -> dinerClerk.get("/orders/" + n.get("order"))),
                operation("getMyOrder: diner's customer reads bistro's order", Map.of("order", order()),
                        n -> dinerCustomer.get("/me/orders/" + n.get("order"))),
                operation("getStoreStock: diner's staff read bistro's stock", Map.of("store", "uptown"),
                        n -> dinerClerk.get("/stores/" + n.get("store") + "/stock")),
                operation("requestRefund + decideRefund: diner refunds bistro's order with its payment",
                        Map.of("order", order(), "payment", bistroOrder.path("paymentId").asText()),
                        n -> refund(n.get("order"), n.get("payment"), "1.00")),
                operation("requestStockTransfer + decideStockTransfer: from bistro's store",
                        Map.of("store", "uptown"), n -> transfer(n.get("store"), "station", "soda", 1)),
                operation("requestStockTransfer + decideStockTransfer: into bistro's store",
                        Map.of("store", "uptown"), n -> transfer("station", n.get("store"), "shake", 1)),
                operation("getInstance: diner's staff read the instance of bistro's order",
                        Map.of("instance", bistroOrder.path("instanceId").asText("")),
                        n -> dinerClerk.get("/instances/" + n.get("instance"))));
    }

    private static String order() {
        return bistroOrder.path("orderId").asText();
    }

    private static Arguments operation(String name, Map<String, String> bistros,
                                       Function<Map<String, String>, Reply> call) {
        return Arguments.of(Named.of(name, new Attempt(call, bistros)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void anotherTenantsThingAnswersAsAnUnknownOneAndNothingMoves(Attempt attempt) throws SQLException {
        Map<String, String> unknowns = new TreeMap<>();
        attempt.bistros().keySet().forEach(name -> unknowns.put(name, "unknown-" + name + "-" + suffix()));
        Map<String, String> named = new TreeMap<>();
        unknowns.forEach((name, unknown) -> named.put(unknown, attempt.bistros().get(name)));
        Map<String, List<String>> before = domainTables();

        Reply foreign = attempt.call().apply(attempt.bistros());
        Reply unknown = attempt.call().apply(unknowns);

        assertThat(answer(foreign)).as("naming bistro's thing, and naming nothing")
                .isEqualTo(answer(unknown, named));
        assertThat(foreign.status()).as(foreign.toString()).isBetween(200, 499);
        assertThat(domainTables()).as("bistro's rows").isEqualTo(before);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static JsonNode placed(GatewayServer customer, String store, String items) {
        Reply reply = customer.postJson("/orders", Restaurant.order(store, "tok_visa", items));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        ObjectNode order = (ObjectNode) reply.json();
        order.put("instanceId", reply.header("Flowgate-Instance"));
        return order;
    }

    /** Diner's customer service asks for the refund and diner's store manager approves it. */
    private static Reply refund(String orderId, String paymentId, String amount) {
        Reply asked = dinerClerk.postJson("/refunds", "{\"orderId\":\"" + orderId + "\",\"amount\":" + amount
                + ",\"paymentId\":\"" + paymentId + "\"}");
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        return dinerManager.postJson("/refunds/" + orderId + "/decision", "{\"approved\":true}");
    }

    /** Diner's customer service asks for the transfer and diner's store manager approves it. */
    private static Reply transfer(String from, String to, String sku, int qty) {
        String id = "tr-" + suffix();
        Reply asked = dinerClerk.postJson("/stock-transfers", "{\"transferId\":\"" + id + "\",\"from\":\"" + from
                + "\",\"to\":\"" + to + "\",\"sku\":\"" + sku + "\",\"qty\":" + qty + "}");
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        Reply decided = dinerManager.postJson("/stock-transfers/" + id + "/decision", "{\"approved\":true}");
        return new Reply(decided.status(), decided.headers(), decided.body().replace(id, "tr-id"));
    }

    /** Status and body, without what differs between any two calls (the id of the instance that answered). */
    private static String answer(Reply reply) {
        return answer(reply, Map.of());
    }

    /** As {@link #answer(Reply)}, with each key of {@code renamed} replaced by its value. */
    private static String answer(Reply reply, Map<String, String> renamed) {
        JsonNode body = reply.body().isBlank() ? null : reply.json();
        if (body instanceof ObjectNode object) {
            object.remove("instanceId");
        }
        String text = reply.status() + " " + body;
        for (Map.Entry<String, String> name : renamed.entrySet()) {
            text = text.replace(name.getKey(), name.getValue());
        }
        return text;
    }

    /** Every domain table, and the outbox events of bistro. */
    private static Map<String, List<String>> domainTables() throws SQLException {
        Map<String, List<String>> rows = new TreeMap<>();
        for (String table : List.of("stores", "menu_items", "stock", "stock_reservations", "stock_reservation_lines",
                "stock_movements", "inventory_applied_keys", "orders", "order_lines", "order_transitions",
                "payment_refs", "refund_refs", "sandbox_payment_ledger", "sandbox_refund_ledger", "notifications")) {
            rows.put(table, shop.rows("SELECT * FROM " + table));
        }
        rows.put("outbox_events of bistro", shop.rows("SELECT * FROM outbox_events WHERE tenant = 'bistro'"));
        return rows;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
