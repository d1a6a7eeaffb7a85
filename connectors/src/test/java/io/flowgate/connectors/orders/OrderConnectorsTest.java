package io.flowgate.connectors.orders;

import io.flowgate.connectors.testsupport.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.orders.internal.OrderStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderConnectorsTest {

    /** The seeded stores downtown and uptown belong to this tenant. */
    private static final String BISTRO = "bistro";

    private static HikariDataSource pool;
    private static OrderCreateConnector create;
    private static OrderTransitionConnector transition;
    private static OrderGetConnector get;

    @BeforeAll
    static void database() {
        pool = TestDatabase.pool(4);
        OrderStore store = new OrderStore(pool);
        create = new OrderCreateConnector(store);
        transition = new OrderTransitionConnector(store);
        get = new OrderGetConnector(store);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void computesTheTotalFromTheStoresMenuAndIgnoresTheClientsTotal() {
        Map<String, Object> created = create.execute(request(Map.of("store", "downtown", "customer", "ada",
                "total", 0.01, "items", List.of(Map.of("sku", "burger", "qty", 2, "price", 0),
                        Map.of("sku", "fries", "qty", 1), Map.of("sku", "burger", "qty", 1)))));

        // 3 x 8.50 + 1 x 3.50
        assertThat(created).containsEntry("total", new BigDecimal("29.00")).containsEntry("totalMinor", 2900L)
                .containsEntry("currency", "USD").containsEntry("state", "CREATED");
        assertThat(TestDatabase.queryLong(pool, "SELECT total_minor FROM orders WHERE id = ?", created.get("orderId")))
                .isEqualTo(2900);
    }

    @Test
    void pricesTheSameItemsDifferentlyPerStore() {
        Map<String, Object> items = Map.of("customer", "bob", "items", List.of(Map.of("sku", "burger", "qty", 1)));
        Map<String, Object> uptown = new java.util.HashMap<>(items);
        uptown.put("store", "uptown");

        assertThat(create.execute(request(uptown))).containsEntry("totalMinor", 900L);
    }

    @Test
    void acceptsItemsAsJsonText() {
        assertThat(create.execute(request(Map.of("store", "uptown", "customer", "cy",
                "items", "[{\"sku\":\"soda\",\"qty\":\"3\"}]")))).containsEntry("totalMinor", 825L);
    }

    @Test
    void refusesSkusThatAreNotOnTheMenuAndCreatesNothing() {
        long before = TestDatabase.queryLong(pool, "SELECT COUNT(*) FROM orders");

        assertBusinessError(() -> create.execute(request(Map.of("store", "downtown", "customer", "ada",
                "items", List.of(Map.of("sku", "burger", "qty", 1), Map.of("sku", "caviar", "qty", 1),
                        Map.of("sku", "lobster", "qty", 2))))), "UNKNOWN_ITEM", "caviar, lobster");
        assertBusinessError(() -> create.execute(request(Map.of("store", "nowhere", "customer", "ada",
                "items", List.of(Map.of("sku", "burger", "qty", 1))))), "UNKNOWN_ITEM", "burger");
        assertThat(TestDatabase.queryLong(pool, "SELECT COUNT(*) FROM orders")).isEqualTo(before);
    }

    @Test
    void refusesMalformedItems() {
        for (Object items : List.of(List.of(), "not json", List.of(Map.of("qty", 1)),
                List.of(Map.of("sku", "soda", "qty", 0)), List.of(Map.of("sku", "soda", "qty", 1.5)),
                List.of(Map.of("sku", "soda", "qty", "x")))) {
            assertBusinessError(() -> create.execute(request(Map.of("store", "downtown", "customer", "ada",
                    "items", items))), "INVALID_INPUT", "items");
        }
    }

    @Test
    void aRedeliveredCreateReturnsTheSameOrder() {
        ConnectorRequest request = request(Map.of("store", "downtown", "customer", "ada",
                "items", List.of(Map.of("sku", "salad", "qty", 1))));
        long before = TestDatabase.queryLong(pool, "SELECT COUNT(*) FROM orders");

        Map<String, Object> first = create.execute(request);
        Map<String, Object> again = create.execute(request);

        assertThat(again).isEqualTo(first);
        assertThat(TestDatabase.queryLong(pool, "SELECT COUNT(*) FROM orders")).isEqualTo(before + 1);
    }

    @Test
    void aRepeatedTransitionToTheCurrentStateSucceedsWithoutChange() {
        String orderId = newOrder();
        transition.execute(request(Map.of("orderId", orderId, "to", "PAYING")));

        Map<String, Object> again = transition.execute(request(Map.of("orderId", orderId, "to", "paying")));

        assertThat(again).containsEntry("state", "PAYING").containsEntry("version", 1L);
    }

    @Test
    void aRedeliveredTransitionReplaysItsAnswerAfterTheOrderMovedOn() {
        String orderId = newOrder();
        ConnectorRequest toPaying = request(Map.of("orderId", orderId, "to", "PAYING"));
        Map<String, Object> first = transition.execute(toPaying);
        transition.execute(request(Map.of("orderId", orderId, "to", "CANCELLED")));

        assertThat(transition.execute(toPaying)).isEqualTo(first);
        assertThat(get.execute(request(Map.of("orderId", orderId)))).containsEntry("state", "CANCELLED");
        assertThat(TestDatabase.queryLong(pool, "SELECT COUNT(*) FROM order_transitions WHERE order_id = ?", orderId))
                .isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void getsTheOrderWithItsLines() {
        String orderId = (String) create.execute(request(Map.of("store", "uptown", "customer", "dee",
                "items", List.of(Map.of("sku", "soda", "qty", 2), Map.of("sku", "burger", "qty", 1))))).get("orderId");

        Map<String, Object> order = (Map<String, Object>) get.execute(request(Map.of("orderId", orderId))).get("order");

        assertThat(order).containsEntry("orderId", orderId).containsEntry("store", "uptown")
                .containsEntry("customer", "dee").containsEntry("state", "CREATED")
                .containsEntry("total", new BigDecimal("14.50")).containsEntry("version", 0L);
        assertThat((List<Object>) order.get("lines")).containsExactly(
                Map.of("sku", "burger", "name", "Classic burger", "qty", 1, "unitPrice", new BigDecimal("9.00"),
                        "lineTotal", new BigDecimal("9.00")),
                Map.of("sku", "soda", "name", "Soda", "qty", 2, "unitPrice", new BigDecimal("2.75"),
                        "lineTotal", new BigDecimal("5.50")));
    }

    @Test
    void unknownOrdersAreNotFound() {
        assertBusinessError(() -> get.execute(request(Map.of("orderId", "nope"))), "ORDER_NOT_FOUND", "nope");
        assertBusinessError(() -> transition.execute(request(Map.of("orderId", "nope", "to", "PAID"))),
                "ORDER_NOT_FOUND", "nope");
    }

    @Test
    void givesTheOrderTheIdTheFlowChose() {
        String chosen = UUID.randomUUID().toString();

        Map<String, Object> created = create.execute(request(Map.of("orderId", chosen, "store", "uptown",
                "customer", "fay", "items", List.of(Map.of("sku", "soda", "qty", 1)))));

        assertThat(created).containsEntry("orderId", chosen);
        assertThat(get.execute(request(Map.of("orderId", chosen)))).containsEntry("state", "CREATED");
        assertBusinessError(() -> create.execute(request(Map.of("orderId", "a b'; --", "store", "uptown",
                "customer", "fay", "items", List.of(Map.of("sku", "soda", "qty", 1))))), "INVALID_INPUT", "orderId");
    }

    @Test
    void aCustomerFindsOnlyTheirOwnOrdersAndCannotTellOthersExist() {
        String orderId = newOrder();

        assertThat(get.execute(request(Map.of("orderId", orderId, "customer", "ada")))).containsKey("order");
        assertBusinessError(() -> get.execute(request(Map.of("orderId", orderId, "customer", "mallory"))),
                "ORDER_NOT_FOUND", orderId);
        assertBusinessError(() -> get.execute(request(Map.of("orderId", "nope", "customer", "mallory"))),
                "ORDER_NOT_FOUND", "nope");
    }

    @Test
    void refusesAnUnknownTargetState() {
        assertBusinessError(() -> transition.execute(request(Map.of("orderId", newOrder(), "to", "EATEN"))),
                "INVALID_INPUT", "EATEN");
    }

    private static String newOrder() {
        return (String) create.execute(request(Map.of("store", "downtown", "customer", "ada",
                "items", List.of(Map.of("sku", "soda", "qty", 1))))).get("orderId");
    }

    private static void assertBusinessError(Executable call, String code, String messagePart) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(ConnectorBusinessError.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    private static ConnectorRequest request(Map<String, Object> inputs) {
        return new ConnectorRequest(UUID.randomUUID().toString(), "task", null, BISTRO, inputs);
    }
}
