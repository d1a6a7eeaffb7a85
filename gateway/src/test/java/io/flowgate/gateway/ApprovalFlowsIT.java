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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restaurant example's two approval flows end to end on the real gateway: {@code refund-approval} (an approved
 * refund of a paid order gives the money back through the sandbox provider and moves the order to REFUNDED) and
 * {@code stock-transfer-approval} (an approved transfer moves stock between two stores). The tables — the sandbox
 * provider's ledgers, {@code orders}, {@code stock} — show what moved, not only the answers. Every user belongs to
 * the tenant bistro, and the stores the transfers use are bistro's.
 */
class ApprovalFlowsIT {

    private static GatewayServer gateway;
    private static GatewayServer customer;
    private static GatewayServer clerk;
    private static GatewayServer manager;
    private static GatewayServer otherManager;
    private static DataSource db;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start();
        customer = gateway.as(gateway.createUser("approvals-customer", Restaurant.BISTRO, "customer"));
        clerk = gateway.as(gateway.createUser("approvals-clerk", Restaurant.BISTRO, "customer-service"));
        manager = gateway.as(gateway.createUser("approvals-manager", Restaurant.BISTRO, "store-manager"));
        otherManager = gateway.as(gateway.createUser("approvals-manager2", Restaurant.BISTRO, "store-manager"));
        db = gateway.context().getBean(DataSource.class);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    // --- refunds -----------------------------------------------------------------------------------------------

    @Test
    void anApprovedRefundOfAPaidOrderGivesTheMoneyBackAndMovesTheOrderToRefunded() throws SQLException {
        JsonNode order = placeOrder();
        String orderId = order.path("orderId").asText();
        String paymentId = order.path("paymentId").asText();

        Reply asked = manager.postJson("/refunds", refund(orderId, "3.50", paymentId));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(asked.json().path("status").asText()).isEqualTo("PENDING");
        assertThat(refunds(paymentId)).as("nothing refunded while waiting").isEmpty();

        Reply own = manager.postJson("/refunds/" + orderId + "/decision", "{\"approved\":true}");
        assertThat(own.status()).as("the manager who asked may not approve: " + own).isEqualTo(403);

        Reply decision = otherManager.postJson("/refunds/" + orderId + "/decision", "{\"approved\":true}");
        assertThat(decision.status()).as(decision.toString()).isEqualTo(200);
        assertThat(decision.json().path("state").asText()).isEqualTo("COMPLETED");
        assertThat(decision.json().path("status").asText()).isEqualTo("APPROVED");

        assertThat(refunds(paymentId)).containsExactly("REFUNDED 3.50");
        assertThat(refundedAmount(paymentId)).isEqualByComparingTo("3.50");
        assertThat(orderState(orderId)).isEqualTo("REFUNDED");
    }

    @Test
    void aRejectedRefundRefundsNothingAndLeavesTheOrderPaid() throws SQLException {
        JsonNode order = placeOrder();
        String orderId = order.path("orderId").asText();
        String paymentId = order.path("paymentId").asText();
        assertThat(clerk.postJson("/refunds", refund(orderId, "3.50", paymentId)).status()).isEqualTo(201);

        Reply decision = manager.postJson("/refunds/" + orderId + "/decision",
                "{\"approved\":false,\"reason\":\"eaten\"}");

        assertThat(decision.status()).as(decision.toString()).isEqualTo(200);
        assertThat(decision.json().path("status").asText()).isEqualTo("REJECTED");
        assertThat(refunds(paymentId)).isEmpty();
        assertThat(refundedAmount(paymentId)).isEqualByComparingTo("0");
        assertThat(orderState(orderId)).isEqualTo("PAID");
    }

    @Test
    void aRefundTheProviderRefusesAnswers409AndMovesNothing() throws SQLException {
        JsonNode order = placeOrder();
        String orderId = order.path("orderId").asText();
        String paymentId = order.path("paymentId").asText();
        assertThat(clerk.postJson("/refunds", refund(orderId, "999", paymentId)).status()).isEqualTo(201);

        Reply decision = manager.postJson("/refunds/" + orderId + "/decision", "{\"approved\":true}");

        assertThat(decision.status()).as(decision.toString()).isEqualTo(409);
        assertThat(decision.json().path("errorCode").asText()).isEqualTo("REFUND_REFUSED");
        assertThat(refundedAmount(paymentId)).isEqualByComparingTo("0");
        assertThat(refunds(paymentId)).allMatch(r -> r.startsWith("DECLINED"));
        assertThat(orderState(orderId)).isEqualTo("PAID");
    }

    @Test
    void aRefundForOneOrderCannotPayBackAnotherOrdersPayment() throws SQLException {
        String orderId = placeOrder().path("orderId").asText();
        String otherPaymentId = placeOrder().path("paymentId").asText();
        assertThat(clerk.postJson("/refunds", refund(orderId, "3.50", otherPaymentId)).status()).isEqualTo(201);

        Reply decision = manager.postJson("/refunds/" + orderId + "/decision", "{\"approved\":true}");

        assertThat(decision.status()).as(decision.toString()).isEqualTo(409);
        assertThat(decision.json().path("errorCode").asText()).isEqualTo("REFUND_REFUSED");
        assertThat(refunds(otherPaymentId)).isEmpty();
        assertThat(orderState(orderId)).isEqualTo("PAID");
    }

    @Test
    void aRefundWithoutPaymentIsOnlyApproved() {
        String orderId = "goodwill-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(clerk.postJson("/refunds", "{\"orderId\":\"" + orderId + "\",\"amount\":2}").status())
                .isEqualTo(201);

        Reply decision = manager.postJson("/refunds/" + orderId + "/decision", "{\"approved\":true}");

        assertThat(decision.status()).as(decision.toString()).isEqualTo(200);
        assertThat(decision.json().path("status").asText()).isEqualTo("APPROVED");
    }

    // --- stock transfers ---------------------------------------------------------------------------------------

    @Test
    void anApprovedTransferMovesTheStockBetweenStores() throws SQLException {
        String from = store("from");
        String to = store("to");
        setStock(from, "soda", 30);
        setStock(to, "soda", 5);
        String transferId = transferId();

        Reply asked = manager.postJson("/stock-transfers", transfer(transferId, from, to, 12));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(asked.json().path("transferId").asText()).isEqualTo(transferId);
        assertThat(asked.json().path("state").asText()).isEqualTo("WAITING");
        assertThat(asked.json().path("status").asText()).isEqualTo("PENDING");
        assertThat(onHand(from, "soda")).as("nothing moves before the approval").isEqualTo(30);

        Reply own = manager.postJson("/stock-transfers/" + transferId + "/decision", "{\"approved\":true}");
        assertThat(own.status()).as("the manager who asked may not approve: " + own).isEqualTo(403);

        Reply decision = otherManager.postJson("/stock-transfers/" + transferId + "/decision",
                "{\"approved\":true}");
        assertThat(decision.status()).as(decision.toString()).isEqualTo(200);
        assertThat(decision.json().path("state").asText()).isEqualTo("COMPLETED");
        assertThat(decision.json().path("status").asText()).isEqualTo("TRANSFERRED");
        assertThat(onHand(from, "soda")).isEqualTo(18);
        assertThat(onHand(to, "soda")).isEqualTo(17);
    }

    @Test
    void aRejectedTransferMovesNothing() throws SQLException {
        String from = store("from");
        String to = store("to");
        setStock(from, "soda", 30);
        setStock(to, "soda", 5);
        String transferId = transferId();
        assertThat(clerk.postJson("/stock-transfers", transfer(transferId, from, to, 10)).status()).isEqualTo(201);

        Reply decision = manager.postJson("/stock-transfers/" + transferId + "/decision",
                "{\"approved\":false,\"reason\":\"not now\"}");

        assertThat(decision.status()).as(decision.toString()).isEqualTo(200);
        assertThat(decision.json().path("status").asText()).isEqualTo("REJECTED");
        assertThat(onHand(from, "soda")).isEqualTo(30);
        assertThat(onHand(to, "soda")).isEqualTo(5);
    }

    @Test
    void aTransferOfMoreThanTheSourceHasAnswers409AndMovesNothing() throws SQLException {
        String from = store("from");
        String to = store("to");
        setStock(from, "soda", 4);
        setStock(to, "soda", 1);
        String transferId = transferId();
        assertThat(clerk.postJson("/stock-transfers", transfer(transferId, from, to, 5)).status()).isEqualTo(201);

        Reply decision = manager.postJson("/stock-transfers/" + transferId + "/decision", "{\"approved\":true}");

        assertThat(decision.status()).as(decision.toString()).isEqualTo(409);
        assertThat(decision.json().path("errorCode").asText()).isEqualTo("OUT_OF_STOCK");
        assertThat(onHand(from, "soda")).isEqualTo(4);
        assertThat(onHand(to, "soda")).isEqualTo(1);
    }

    @Test
    void onlyStaffMayAskForTransfersAndOnlyStoreManagersDecide() {
        String transferId = transferId();
        assertThat(customer.postJson("/stock-transfers", transfer(transferId, "downtown", "uptown", 1)).status())
                .isEqualTo(403);
        assertThat(clerk.postJson("/stock-transfers", transfer(transferId, "downtown", "uptown", 1)).status())
                .isEqualTo(201);
        assertThat(clerk.postJson("/stock-transfers/" + transferId + "/decision", "{\"approved\":false}")
                .status()).isEqualTo(403);
        assertThat(manager.postJson("/stock-transfers", "{\"transferId\":\"x\",\"from\":\"a\",\"to\":\"b\","
                + "\"sku\":\"soda\",\"qty\":0}").status()).as("qty below 1").isEqualTo(400);
        assertThat(manager.postJson("/stock-transfers/no-such-transfer/decision", "{\"approved\":true}").status())
                .isEqualTo(404);
        assertThat(manager.postJson("/stock-transfers/" + transferId + "/decision", "{\"approved\":false}")
                .status()).isEqualTo(200);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static JsonNode placeOrder() {
        Reply reply = customer.postJson("/orders", Restaurant.order("downtown", "tok_visa",
                "{\"sku\":\"fries\",\"qty\":2}"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().path("state").asText()).isEqualTo("PAID");
        assertThat(reply.json().path("total").decimalValue()).isEqualByComparingTo("7.00");
        return reply.json();
    }

    private static String refund(String orderId, String amount, String paymentId) {
        return "{\"orderId\":\"" + orderId + "\",\"amount\":" + amount + ",\"paymentId\":\"" + paymentId + "\"}";
    }

    private static String transfer(String transferId, String from, String to, int qty) {
        return "{\"transferId\":\"" + transferId + "\",\"from\":\"" + from + "\",\"to\":\"" + to
                + "\",\"sku\":\"soda\",\"qty\":" + qty + "}";
    }

    private static String transferId() {
        return "tr-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String store(String role) {
        return "st-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Rows of the sandbox's refund ledger for a payment, as "STATUS amount". */
    private static List<String> refunds(String paymentId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT status, amount FROM sandbox_refund_ledger WHERE payment_id = ? ORDER BY created_at")) {
            s.setString(1, paymentId);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getBigDecimal(2).setScale(2));
                }
            }
            return rows;
        }
    }

    private static BigDecimal refundedAmount(String paymentId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT refunded_amount FROM sandbox_payment_ledger WHERE payment_id = ?")) {
            s.setString(1, paymentId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("payment " + paymentId).isTrue();
                return rs.getBigDecimal(1);
            }
        }
    }

    private static String orderState(String orderId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT state FROM orders WHERE id = ?")) {
            s.setString(1, orderId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("order " + orderId).isTrue();
                return rs.getString(1);
            }
        }
    }

    /** A new store of bistro holding {@code onHand} of the SKU. */
    private static void setStock(String store, String sku, long onHand) throws SQLException {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO stores (id, tenant, name) VALUES (?, ?, ?)")) {
                s.setString(1, store);
                s.setString(2, Restaurant.BISTRO);
                s.setString(3, store);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO stock (store, sku, on_hand, reserved, "
                    + "version, updated_at) VALUES (?, ?, ?, 0, 0, 0)")) {
                s.setString(1, store);
                s.setString(2, sku);
                s.setLong(3, onHand);
                s.executeUpdate();
            }
        }
    }

    private static long onHand(String store, String sku) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT on_hand FROM stock WHERE store = ? AND sku = ?")) {
            s.setString(1, store);
            s.setString(2, sku);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("stock row " + store + "/" + sku).isTrue();
                return rs.getLong(1);
            }
        }
    }
}
