package io.flowgate.connectors.orders;

import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.events.Outbox;
import io.flowgate.connectors.events.OutboxEvent;
import io.flowgate.connectors.events.StoredEvent;
import io.flowgate.connectors.orders.internal.OrderStore;
import io.flowgate.connectors.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** order.paid / order.cancelled / order.refunded: one outbox row per move that committed, none for a replay. */
class OrderEventsTest {

    private static HikariDataSource pool;
    private static Outbox outbox;
    private static OrderCreateConnector create;
    private static OrderTransitionConnector transition;

    @BeforeAll
    static void database() {
        pool = TestDatabase.pool(4);
        outbox = new Outbox(pool);
        OrderStore store = new OrderStore(pool, outbox);
        create = new OrderCreateConnector(store);
        transition = new OrderTransitionConnector(store);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void announcesAPaidOrderWithItsStoreCustomerTotalAndVersion() {
        String orderId = newOrder("ada");
        move(orderId, "PAYING", "to-paying");

        move(orderId, "PAID", "to-paid");

        List<OutboxEvent> events = eventsAbout(orderId);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("order.paid");
            assertThat(event.subject()).isEqualTo(orderId);
            assertThat(event.tenant()).isEqualTo("bistro");
            assertThat(event.family()).isEqualTo("order");
            // 2 x burger at 8.50
            assertThat(event.data()).containsEntry("store", "downtown").containsEntry("customer", "ada")
                    .containsEntry("total", 17.0).containsEntry("totalMinor", 1700).containsEntry("currency", "USD")
                    .containsEntry("state", "PAID").containsEntry("from", "PAYING").containsEntry("version", 2);
        });
    }

    @Test
    void aReDeliveredTransitionWritesNoSecondEvent() {
        String orderId = newOrder("bob");
        move(orderId, "PAYING", "pay");
        move(orderId, "PAID", "paid");

        move(orderId, "PAID", "paid"); // the same task's call delivered again
        move(orderId, "PAID", "another-task"); // already PAID: success without change

        assertThat(eventsAbout(orderId)).extracting(OutboxEvent::type).containsExactly("order.paid");
    }

    @Test
    void announcesCancelledAndRefundedOrders() {
        String cancelled = newOrder("cleo");
        String refunded = newOrder("dan");
        move(cancelled, "CANCELLED", "cancel");
        move(refunded, "PAYING", "pay");
        move(refunded, "PAID", "paid");

        move(refunded, "REFUNDED", "refund");

        assertThat(eventsAbout(cancelled)).extracting(OutboxEvent::type).containsExactly("order.cancelled");
        assertThat(eventsAbout(refunded)).extracting(OutboxEvent::type).containsExactly("order.paid",
                "order.refunded");
        assertThat(eventsAbout(refunded).get(1).data()).containsEntry("from", "PAID")
                .containsEntry("state", "REFUNDED");
    }

    @Test
    void aRefusedTransitionWritesNoEvent() {
        String orderId = newOrder("eve");

        assertThatThrownBy(() -> move(orderId, "PAID", "skip-paying")).isInstanceOf(ConnectorBusinessError.class);

        assertThat(eventsAbout(orderId)).isEmpty();
    }

    @Test
    void stepsOfTheSagaOtherThanTheOutcomesAreNotAnnounced() {
        String orderId = newOrder("fay");
        move(orderId, "PAYING", "pay");
        move(orderId, "PAID", "paid");

        move(orderId, "PREPARING", "prepare");
        move(orderId, "READY", "ready");

        assertThat(eventsAbout(orderId)).extracting(OutboxEvent::type).containsExactly("order.paid");
    }

    private static String newOrder(String customer) {
        return (String) create.execute(request(UUID.randomUUID().toString(), Map.of("store", "downtown",
                "customer", customer, "items", List.of(Map.of("sku", "burger", "qty", 2))))).get("orderId");
    }

    private static void move(String orderId, String to, String task) {
        transition.execute(new ConnectorRequest("instance-of-" + orderId, task, null, "bistro",
                Map.of("orderId", orderId, "to", to)));
    }

    private static ConnectorRequest request(String task, Map<String, Object> inputs) {
        return new ConnectorRequest(UUID.randomUUID().toString(), task, null, "bistro", inputs);
    }

    private static List<OutboxEvent> eventsAbout(String orderId) {
        return outbox.after(0, 10_000).stream().map(StoredEvent::event)
                .filter(event -> event.subject().equals(orderId)).toList();
    }
}
