package io.flowgate.connectors;

import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.connectors.events.Outbox;
import io.flowgate.connectors.inventory.InventoryAdjustConnector;
import io.flowgate.connectors.inventory.InventoryConfirmConnector;
import io.flowgate.connectors.inventory.InventoryReleaseConnector;
import io.flowgate.connectors.inventory.InventoryReserveConnector;
import io.flowgate.connectors.inventory.InventorySettings;
import io.flowgate.connectors.inventory.InventoryStockConnector;
import io.flowgate.connectors.inventory.InventoryTransferConnector;
import io.flowgate.connectors.inventory.ReservationSweeper;
import io.flowgate.connectors.inventory.internal.InventorySchema;
import io.flowgate.connectors.inventory.internal.LowStock;
import io.flowgate.connectors.inventory.internal.Reservations;
import io.flowgate.connectors.inventory.internal.StockMoves;
import io.flowgate.connectors.notify.NotificationStore;
import io.flowgate.connectors.notify.NotifyConnector;
import io.flowgate.connectors.notify.NotifySettings;
import io.flowgate.connectors.orders.OrderCreateConnector;
import io.flowgate.connectors.orders.OrderGetConnector;
import io.flowgate.connectors.orders.OrderTransitionConnector;
import io.flowgate.connectors.orders.internal.OrderStore;
import io.flowgate.connectors.payments.CancelPaymentConnector;
import io.flowgate.connectors.payments.ChargePaymentConnector;
import io.flowgate.connectors.payments.PaymentSettings;
import io.flowgate.connectors.payments.RefundPaymentConnector;
import io.flowgate.connectors.payments.internal.HttpPaymentProvider;
import io.flowgate.connectors.payments.internal.PaymentRefs;
import io.flowgate.connectors.payments.sandbox.SandboxPaymentServer;
import io.flowgate.connectors.stores.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant boundary of every domain connector, on one database holding the restaurant example's two tenants:
 * {@code bistro} (stores downtown and uptown) and {@code diner} (harbour and station). Each case of the sweep runs a
 * connector in a flow of diner that names one of bistro's things — its order, store, reservation or payment — and
 * again naming one that does not exist: both answers are the same (business error and message, or outputs), and
 * neither call changes a row of any domain table. The other tests show that each tenant's rows carry it and that a
 * tenant works with its own things, compensations included. Implementations choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TenantBoundaryContract {

    static final String BISTRO = "bistro";
    static final String DINER = "diner";

    /** Every table a domain connector writes, compared before and after each call of the sweep. */
    private static final List<String> TABLES = List.of("stores", "menu_items", "stock", "stock_reservations",
            "stock_reservation_lines", "stock_movements", "inventory_applied_keys", "orders", "order_lines",
            "order_transitions", "payment_refs", "refund_refs", "sandbox_payment_ledger", "sandbox_refund_ledger",
            "notifications", "outbox_events");

    /** What each placeholder of a case names: one of bistro's things, or nothing at all. */
    private static final Map<String, String> UNKNOWN = Map.of("{order}", "no-such-order", "{store}", "nowhere",
            "{reservation}", "no-such-reservation", "{payment}", "pay_no_such_payment");

    private HikariDataSource db;
    private SandboxPaymentServer sandbox;
    private ReservationSweeper sweeper;
    private NotificationStore notifications;
    private final Map<String, Connector> connectors = new HashMap<>();
    private final Map<String, String> bistros = new HashMap<>();

    /** A fresh database; the connectors migrate it. */
    protected abstract HikariDataSource database();

    @BeforeAll
    void wire() {
        db = database();
        Outbox outbox = new Outbox(db);
        Stores stores = new Stores(db);
        OrderStore orders = new OrderStore(db, outbox, stores, Clock.systemUTC());
        InventorySchema schema = new InventorySchema(db, stores, Clock.systemUTC());
        InventorySettings inventory = new InventorySettings();
        inventory.setSweepInterval(Duration.ZERO);
        LowStock lowStock = new LowStock(inventory, outbox);
        Reservations reservations = new Reservations(schema, lowStock);
        StockMoves moves = new StockMoves(schema, lowStock);
        sweeper = new ReservationSweeper(reservations, inventory);
        PaymentSettings payments = new PaymentSettings();
        payments.setConnectTimeout(Duration.ofSeconds(1));
        payments.setReadTimeout(Duration.ofSeconds(5));
        sandbox = SandboxPaymentServer.start(db, payments);
        HttpPaymentProvider provider = new HttpPaymentProvider(sandbox.baseUri(), Duration.ofSeconds(1),
                Duration.ofSeconds(5));
        PaymentRefs refs = new PaymentRefs(db);
        notifications = new NotificationStore(db);
        List.of(new OrderCreateConnector(orders), new OrderGetConnector(orders), new OrderTransitionConnector(orders),
                new InventoryReserveConnector(reservations, inventory, sweeper),
                new InventoryConfirmConnector(reservations), new InventoryReleaseConnector(reservations),
                new InventoryTransferConnector(moves), new InventoryAdjustConnector(moves),
                new InventoryStockConnector(moves), new ChargePaymentConnector(provider, refs),
                new RefundPaymentConnector(provider, refs), new CancelPaymentConnector(provider, refs),
                new NotifyConnector(notifications, new NotifySettings()))
                .forEach(connector -> connectors.put(connector.descriptor().id(), connector));
        placeBistroOrder();
    }

    /** Bistro's things: an order being paid in downtown, its stock held, its payment captured. */
    private void placeBistroOrder() {
        String instance = UUID.randomUUID().toString();
        String order = (String) call(BISTRO, instance, "createOrder", "order.create", Map.of("store", "downtown",
                "customer", "ada", "items", List.of(Map.of("sku", "burger", "qty", 2)))).get("orderId");
        call(BISTRO, instance, "markPaying", "order.transition", Map.of("orderId", order, "to", "PAYING"));
        String reservation = (String) call(BISTRO, instance, "reserveStock", "inventory.reserve",
                Map.of("store", "downtown", "items", List.of(Map.of("sku", "burger", "qty", 2))))
                .get("reservationId");
        String payment = (String) call(BISTRO, instance, "chargePayment", "payment.charge", Map.of("orderId", order,
                "amount", "17.00", "currency", "USD", "paymentToken", "tok_visa")).get("paymentId");
        bistros.putAll(Map.of("{order}", order, "{store}", "downtown", "{reservation}", reservation,
                "{payment}", payment));
    }

    @AfterAll
    void close() {
        sweeper.close();
        sandbox.close();
        db.close();
    }

    Stream<Arguments> sweep() {
        return Stream.of(
                sweepCase("order.get finds no order of another tenant", "order.get",
                        Map.of("orderId", "{order}"), "ORDER_NOT_FOUND"),
                sweepCase("order.get with the customer's name finds no order of another tenant", "order.get",
                        Map.of("orderId", "{order}", "customer", "ada"), "ORDER_NOT_FOUND"),
                sweepCase("order.transition cancels no order of another tenant", "order.transition",
                        Map.of("orderId", "{order}", "to", "CANCELLED"), "ORDER_NOT_FOUND"),
                sweepCase("order.transition pays no order of another tenant", "order.transition",
                        Map.of("orderId", "{order}", "to", "PAID"), "ORDER_NOT_FOUND"),
                sweepCase("order.create sells nothing from another tenant's store", "order.create",
                        Map.of("store", "{store}", "customer", "eve", "items",
                                List.of(Map.of("sku", "burger", "qty", 1), Map.of("sku", "soda", "qty", 1))),
                        "UNKNOWN_ITEM"),
                sweepCase("inventory.reserve holds nothing in another tenant's store", "inventory.reserve",
                        Map.of("store", "{store}", "items", List.of(Map.of("sku", "burger", "qty", 1),
                                Map.of("sku", "fries", "qty", 1))), "OUT_OF_STOCK"),
                sweepCase("inventory.confirm sells no reservation of another tenant", "inventory.confirm",
                        Map.of("reservationId", "{reservation}"), "RESERVATION_NOT_FOUND"),
                sweepCase("inventory.release gives back no reservation of another tenant", "inventory.release",
                        Map.of("reservationId", "{reservation}"), "{released=false, reservationId="),
                sweepCase("inventory.transfer takes nothing from another tenant's store", "inventory.transfer",
                        Map.of("from", "{store}", "to", "harbour", "sku", "burger", "qty", 3), "OUT_OF_STOCK"),
                sweepCase("inventory.transfer gives nothing to another tenant's store", "inventory.transfer",
                        Map.of("from", "harbour", "to", "{store}", "sku", "coffee", "qty", 3), "INVALID_INPUT"),
                sweepCase("inventory.adjust removes nothing from another tenant's store", "inventory.adjust",
                        Map.of("store", "{store}", "sku", "burger", "delta", -3, "reason", "count"),
                        "INVALID_INPUT"),
                sweepCase("inventory.adjust adds nothing to another tenant's store", "inventory.adjust",
                        Map.of("store", "{store}", "sku", "burger", "delta", 3, "reason", "delivery"),
                        "INVALID_INPUT"),
                sweepCase("inventory.stock shows nothing of another tenant's store", "inventory.stock",
                        Map.of("store", "{store}"), "{stock=[], store="),
                sweepCase("payment.refund pays back no payment of another tenant", "payment.refund",
                        Map.of("paymentId", "{payment}"), "REFUND_REFUSED"),
                sweepCase("payment.refund pays back no payment of another tenant's order", "payment.refund",
                        Map.of("paymentId", "{payment}", "orderId", "{order}", "amount", "1.00"),
                        "REFUND_REFUSED"));
    }

    private static Arguments sweepCase(String name, String connector, Map<String, Object> inputs, String answer) {
        return Arguments.of(Named.of(name, connector), inputs, answer);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sweep")
    void anotherTenantsThingAnswersAsAnUnknownOneAndNothingChanges(String connector, Map<String, Object> inputs,
                                                                   String answer) throws SQLException {
        Map<String, List<String>> before = tables();

        String foreign = outcome(DINER, connector, fill(inputs, bistros));
        String unknown = outcome(DINER, connector, fill(inputs, UNKNOWN));

        assertThat(foreign).startsWith(answer);
        String unknownNamed = unknown;
        for (Map.Entry<String, String> placeholder : UNKNOWN.entrySet()) {
            unknownNamed = unknownNamed.replace(placeholder.getValue(), bistros.get(placeholder.getKey()));
        }
        assertThat(foreign).as("the answer naming bistro's thing, and naming nothing").isEqualTo(unknownNamed);
        assertThat(tables()).as("every domain table").isEqualTo(before);
    }

    @Test
    void eachTenantsRowsCarryItsTenant() throws SQLException {
        String instance = UUID.randomUUID().toString();
        String order = (String) call(DINER, instance, "create", "order.create", Map.of("store", "harbour",
                "customer", "dan", "items", List.of(Map.of("sku", "shake", "qty", 1)))).get("orderId");
        call(DINER, instance, "paying", "order.transition", Map.of("orderId", order, "to", "PAYING"));
        String reservation = (String) call(DINER, instance, "reserve", "inventory.reserve", Map.of("store",
                "harbour", "items", List.of(Map.of("sku", "shake", "qty", 56)))).get("reservationId");
        String payment = (String) call(DINER, instance, "charge", "payment.charge", Map.of("orderId", order,
                "amount", "4.50", "currency", "USD", "paymentToken", "tok_visa")).get("paymentId");
        call(DINER, instance, "confirm", "inventory.confirm", Map.of("reservationId", reservation));
        call(DINER, instance, "paid", "order.transition", Map.of("orderId", order, "to", "PAID"));
        call(DINER, instance, "notify", "notify", Map.of("channel", "kitchen-harbour", "subject", "paid"));
        call(DINER, instance, "transfer", "inventory.transfer", Map.of("from", "harbour", "to", "station",
                "sku", "coffee", "qty", 5));
        String refund = (String) call(DINER, instance, "refund", "payment.refund", Map.of("paymentId", payment,
                "orderId", order, "amount", "1.00")).get("refundId");

        assertThat(column("SELECT tenant FROM orders WHERE id = ?", order)).containsExactly(DINER);
        assertThat(column("SELECT tenant FROM stock_reservations WHERE id = ?", reservation)).containsExactly(DINER);
        assertThat(column("SELECT DISTINCT tenant FROM stock_movements WHERE idem_key LIKE ?", instance + ":%"))
                .containsExactly(DINER);
        assertThat(column("SELECT tenant FROM inventory_applied_keys WHERE idem_key = ?", instance + ":transfer"))
                .containsExactly(DINER);
        assertThat(column("SELECT tenant || ' ' || order_id FROM payment_refs WHERE payment_id = ?", payment))
                .containsExactly(DINER + " " + order);
        assertThat(column("SELECT tenant || ' ' || order_id FROM refund_refs WHERE refund_id = ?", refund))
                .containsExactly(DINER + " " + order);
        assertThat(column("SELECT tenant FROM notifications WHERE instance_id = ?", instance))
                .containsExactly(DINER);
        assertThat(column("SELECT tenant FROM outbox_events WHERE subject = ?", order)).containsExactly(DINER);
        assertThat(column("SELECT tenant FROM outbox_events WHERE type = 'stock.low' AND subject = ?",
                "harbour/shake")).as("the store's tenant").containsExactly(DINER);
        assertThat(notifications.recent(DINER, "kitchen-harbour", 10)).hasSize(1);
        assertThat(notifications.recent(BISTRO, "kitchen-harbour", 10)).isEmpty();
        assertThat(notifications.recent(null, "kitchen-harbour", 10)).isEmpty();
    }

    @Test
    void aTenantUndoesItsOwnOrderWithinItsTenant() throws SQLException {
        String instance = UUID.randomUUID().toString();
        String order = (String) call(BISTRO, instance, "create", "order.create", Map.of("store", "uptown",
                "customer", "bo", "items", List.of(Map.of("sku", "fries", "qty", 2)))).get("orderId");
        String reservation = (String) call(BISTRO, instance, "reserve", "inventory.reserve", Map.of("store",
                "uptown", "items", List.of(Map.of("sku", "fries", "qty", 2)))).get("reservationId");
        String payment = (String) call(BISTRO, instance, "charge", "payment.charge", Map.of("orderId", order,
                "amount", "7.50", "currency", "USD", "paymentToken", "tok_visa")).get("paymentId");

        assertThat(call(BISTRO, instance, "cancelPayment", "payment.cancel", Map.of("chargeTask", "charge")))
                .containsEntry("status", "REFUNDED").containsEntry("paymentId", payment);
        assertThat(call(BISTRO, instance, "release", "inventory.release", Map.of("reservationId", reservation)))
                .containsEntry("status", "RELEASED").containsEntry("released", true);
        assertThat(call(BISTRO, instance, "cancel", "order.transition", Map.of("orderId", order, "to", "CANCELLED")))
                .containsEntry("state", "CANCELLED");
        assertThat(column("SELECT tenant || ' ' || order_id FROM refund_refs WHERE payment_id = ?", payment))
                .containsExactly(BISTRO + " " + order);
    }

    @Test
    void bistrosOwnThingsAnswerBistro() {
        String instance = UUID.randomUUID().toString();

        assertThat(call(BISTRO, instance, "get", "order.get", Map.of("orderId", bistros.get("{order}"))))
                .containsEntry("state", "PAYING");
        assertThat((List<?>) call(BISTRO, instance, "stock", "inventory.stock", Map.of("store", "downtown"))
                .get("stock")).hasSize(4);
        assertThat(call(BISTRO, instance, "refund", "payment.refund", Map.of("paymentId", bistros.get("{payment}"),
                "orderId", bistros.get("{order}"), "amount", "0.50"))).containsEntry("status", "APPROVED");
    }

    @Test
    void aFlowWithoutTenantSeesOnlyTenantlessStores() throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO stores (id, tenant, name) VALUES ('kiosk', NULL, 'Kiosk')")) {
            insert.executeUpdate();
        }
        String instance = UUID.randomUUID().toString();

        assertThat(outcome(null, "inventory.stock", Map.of("store", "downtown"))).startsWith("{stock=[]");
        assertThat(outcome(null, "order.create", Map.of("store", "downtown", "customer", "x", "items",
                List.of(Map.of("sku", "burger", "qty", 1))))).startsWith("UNKNOWN_ITEM");
        assertThat(call(null, instance, "adjust", "inventory.adjust", Map.of("store", "kiosk", "sku", "gum",
                "delta", 10, "reason", "delivery"))).containsEntry("onHand", 10);
        assertThat(outcome(BISTRO, "inventory.stock", Map.of("store", "kiosk"))).startsWith("{stock=[]");
        assertThat(outcome(null, "inventory.stock", Map.of("store", "kiosk"))).contains("sku=gum");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private Map<String, Object> call(String tenant, String instance, String activity, String connector,
                                     Map<String, Object> inputs) {
        return connectors.get(connector).execute(new ConnectorRequest(instance, activity, null, tenant, inputs));
    }

    /** The outputs (sorted by name) or "CODE: message" of one call in a new instance of {@code tenant}. */
    private String outcome(String tenant, String connector, Map<String, Object> inputs) {
        try {
            return new TreeMap<>(call(tenant, UUID.randomUUID().toString(), "task", connector, inputs)).toString();
        } catch (ConnectorBusinessError e) {
            return e.code() + ": " + e.getMessage();
        }
    }

    private static Map<String, Object> fill(Map<String, Object> inputs, Map<String, String> things) {
        Map<String, Object> filled = new LinkedHashMap<>();
        inputs.forEach((name, value) -> filled.put(name,
                value instanceof String placeholder && things.containsKey(placeholder) ? things.get(placeholder) : value));
        return filled;
    }

    private Map<String, List<String>> tables() throws SQLException {
        Map<String, List<String>> rows = new TreeMap<>();
        for (String table : TABLES) {
            rows.put(table, column("SELECT * FROM " + table, null));
        }
        return rows;
    }

    /** Every row of the query, each as its columns joined, sorted. */
    private List<String> column(String sql, String parameter) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            if (parameter != null) {
                select.setString(1, parameter);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(String.join(" ", row));
                }
            }
            rows.sort(null);
            return rows;
        }
    }
}
