package io.flowgate.connectors.orders;

import io.flowgate.connectors.testsupport.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.orders.internal.OrderStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every (from, to) pair of order states, against the table below, through the real connector and database. */
class OrderStateMachineTest {

    /** The seeded stores downtown and uptown belong to this tenant. */
    private static final String BISTRO = "bistro";

    /** The expected machine, written out independently of {@link OrderState#TRANSITIONS}. */
    private static final Map<String, String> ALLOWED = Map.of(
            "CREATED", "PAYING CANCELLED",
            "PAYING", "PAID CANCELLED",
            "PAID", "PREPARING CANCELLED REFUNDED",
            "PREPARING", "READY REFUNDED",
            "READY", "COMPLETED REFUNDED",
            "COMPLETED", "REFUNDED",
            "CANCELLED", "",
            "REFUNDED", "");

    private static HikariDataSource pool;
    private static OrderStore store;
    private static OrderCreateConnector create;
    private static OrderTransitionConnector transition;

    @BeforeAll
    static void database() {
        pool = TestDatabase.pool(4);
        store = new OrderStore(pool);
        create = new OrderCreateConnector(store);
        transition = new OrderTransitionConnector(store);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    static Stream<Arguments> everyPair() {
        return Arrays.stream(OrderState.values()).flatMap(from -> Arrays.stream(OrderState.values())
                .filter(to -> to != from)
                .map(to -> Arguments.of(from, to, allowed(from).contains(to.name()))));
    }

    @ParameterizedTest(name = "{0} -> {1}: allowed={2}")
    @MethodSource("everyPair")
    void movesOnlyAlongTheTable(OrderState from, OrderState to, boolean allowed) {
        String orderId = orderIn(from);
        ConnectorRequest request = request("move", Map.of("orderId", orderId, "to", to.name()));
        if (allowed) {
            assertThat(transition.execute(request)).containsEntry("state", to.name()).containsEntry("version", 2L);
            assertThat(stateOf(orderId)).isEqualTo(to.name());
        } else {
            assertThatThrownBy(() -> transition.execute(request)).isInstanceOf(ConnectorBusinessError.class)
                    .satisfies(e -> assertThat(((ConnectorBusinessError) e).code()).isEqualTo("INVALID_TRANSITION"));
            assertThat(stateOf(orderId)).isEqualTo(from.name());
            assertThat(TestDatabase.queryLong(pool, "SELECT version FROM orders WHERE id = ?", orderId)).isEqualTo(1);
        }
    }

    @Test
    void theCodesTableIsTheExpectedMachine() {
        for (OrderState from : OrderState.values()) {
            assertThat(OrderState.TRANSITIONS.get(from).stream().map(Enum::name).collect(Collectors.toSet()))
                    .as("from %s", from).isEqualTo(allowed(from));
        }
    }

    @Test
    void walksTheHappyPathFromCreatedToCompleted() {
        String orderId = newOrder();
        List<String> path = List.of("PAYING", "PAID", "PREPARING", "READY", "COMPLETED");
        for (int i = 0; i < path.size(); i++) {
            assertThat(transition.execute(request("step" + i, Map.of("orderId", orderId, "to", path.get(i)))))
                    .containsEntry("state", path.get(i)).containsEntry("version", (long) i + 1);
        }
    }

    private static Set<String> allowed(OrderState from) {
        String targets = ALLOWED.get(from.name());
        return targets.isEmpty() ? Set.of() : Set.of(targets.split(" "));
    }

    /** A new order put straight into {@code state} at version 1. */
    private static String orderIn(OrderState state) {
        String orderId = newOrder();
        TestDatabase.execute(pool, "UPDATE orders SET state = ?, version = 1 WHERE id = ?", state.name(), orderId);
        return orderId;
    }

    private static String newOrder() {
        return (String) create.execute(request("create", Map.of("store", "downtown", "customer", "ada",
                "items", List.of(Map.of("sku", "soda", "qty", 1))))).get("orderId");
    }

    private static String stateOf(String orderId) {
        return store.find(orderId, BISTRO).orElseThrow().state().name();
    }

    static ConnectorRequest request(String activity, Map<String, Object> inputs) {
        return new ConnectorRequest(UUID.randomUUID().toString(), activity, null, BISTRO, inputs);
    }
}
