package io.flowgate.connectors.orders;

import io.flowgate.connectors.testsupport.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.orders.internal.OrderStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Two flows move the same order at the same moment: compare-and-set lets one win, the other decides again. */
class OrderTransitionRaceTest {

    /** The seeded stores downtown and uptown belong to this tenant. */
    private static final String BISTRO = "bistro";

    private static final int ROUNDS = 150;

    private static HikariDataSource pool;
    private static OrderStore store;
    private static OrderCreateConnector create;
    private static OrderTransitionConnector transition;

    @BeforeAll
    static void database() {
        pool = TestDatabase.pool(8);
        store = new OrderStore(pool);
        create = new OrderCreateConnector(store);
        transition = new OrderTransitionConnector(store);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void exactlyOneOfTwoConflictingTransitionsWinsAndTheOtherIsRefused() throws Exception {
        // PAID -> PREPARING races PAID -> CANCELLED: neither is allowed after the other
        for (int round = 0; round < ROUNDS; round++) {
            String orderId = paidOrder();
            List<Object> outcomes = race(orderId, "PREPARING", "CANCELLED");

            assertThat(outcomes).filteredOn(o -> o instanceof Map).hasSize(1);
            assertThat(outcomes).filteredOn(o -> "INVALID_TRANSITION".equals(o)).hasSize(1);
            Order order = store.find(orderId, BISTRO).orElseThrow();
            assertThat(order.state().name()).isIn("PREPARING", "CANCELLED");
            assertThat(order.version()).isEqualTo(3); // PAID is version 2: exactly one change after it
        }
    }

    @Test
    void theLoserReReadsAndProceedsWhenTheNewStateAllowsIt() throws Exception {
        // PAID -> PREPARING races PAID -> REFUNDED: PREPARING -> REFUNDED is allowed, REFUNDED -> PREPARING is not
        int refundedAfterPreparing = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String orderId = paidOrder();
            List<Object> outcomes = race(orderId, "PREPARING", "REFUNDED");

            Order order = store.find(orderId, BISTRO).orElseThrow();
            assertThat(order.state()).isEqualTo(OrderState.REFUNDED);
            if (outcomes.get(0) instanceof Map) { // PREPARING won first, then REFUNDED followed it legally
                assertThat(outcomes.get(1)).isEqualTo(Map.of("state", "REFUNDED", "version", 4L));
                assertThat(order.version()).isEqualTo(4);
                refundedAfterPreparing++;
            } else {
                assertThat(outcomes.get(0)).isEqualTo("INVALID_TRANSITION");
                assertThat(order.version()).isEqualTo(3);
            }
            assertThat(TestDatabase.queryLong(pool, "SELECT COUNT(*) FROM order_transitions WHERE order_id = ?",
                    orderId)).isEqualTo(order.version());
        }
        System.out.printf("PAID->PREPARING vs PAID->REFUNDED: PREPARING first in %d of %d rounds%n",
                refundedAfterPreparing, ROUNDS);
    }

    @Test
    void manyThreadsMovingOneOrderAlongThePathApplyEachStepOnce() throws Exception {
        String orderId = paidOrder();
        List<String> steps = List.of("PREPARING", "READY", "COMPLETED");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                calls.add(threads.submit(() -> {
                    for (String step : steps) {
                        try {
                            transition.execute(request(Map.of("orderId", orderId, "to", step)));
                        } catch (ConnectorBusinessError moved) {
                            // another thread went further already
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            threads.shutdown();
        }
        Order order = store.find(orderId, BISTRO).orElseThrow();
        assertThat(order.state()).isEqualTo(OrderState.COMPLETED);
        assertThat(order.version()).isEqualTo(5);
    }

    /** Runs both transitions at once; each outcome is the answer map or the business error code. */
    private static List<Object> race(String orderId, String first, String second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Object> a = threads.submit(() -> attempt(start, orderId, first));
            Future<Object> b = threads.submit(() -> attempt(start, orderId, second));
            return List.of(a.get(), b.get());
        } finally {
            threads.shutdown();
        }
    }

    private static Object attempt(CyclicBarrier start, String orderId, String to) throws Exception {
        start.await();
        try {
            return transition.execute(request(Map.of("orderId", orderId, "to", to)));
        } catch (ConnectorBusinessError e) {
            return e.code();
        }
    }

    private static String paidOrder() {
        String orderId = (String) create.execute(request(Map.of("store", "downtown", "customer", "ada",
                "items", List.of(Map.of("sku", "burger", "qty", 1))))).get("orderId");
        transition.execute(request(Map.of("orderId", orderId, "to", "PAYING")));
        transition.execute(request(Map.of("orderId", orderId, "to", "PAID")));
        return orderId;
    }

    private static ConnectorRequest request(Map<String, Object> inputs) {
        return new ConnectorRequest(UUID.randomUUID().toString(), "task", null, BISTRO, inputs);
    }
}
