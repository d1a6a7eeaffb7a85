package io.flowgate.connectors.inventory;

import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.events.OutboxEvent;
import io.flowgate.connectors.events.StoredEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.flowgate.connectors.inventory.InventoryFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** stock.low (threshold 5, the default): only when available stock crosses from 5 or more to below 5. */
class LowStockTest {

    private static InventoryFixture inv;

    @BeforeAll
    static void database() {
        inv = new InventoryFixture(4);
    }

    @AfterAll
    static void close() {
        inv.close();
    }

    @Test
    void aReservationThatCrossesTheThresholdAnnouncesItOnce() {
        String store = newStore();
        inv.stock(store, "fries", 6);

        reserve(store, "fries", 2); // 6 → 4: crossed
        reserve(store, "fries", 1); // 4 → 3: already low

        assertThat(lowStock(store)).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("stock.low");
            assertThat(event.subject()).isEqualTo(store + "/fries");
            assertThat(event.tenant()).isNull();
            assertThat(event.data()).containsEntry("store", store).containsEntry("sku", "fries")
                    .containsEntry("available", 4).containsEntry("threshold", 5);
        });
    }

    @Test
    void reachingTheThresholdExactlyIsNotLow() {
        String store = newStore();
        inv.stock(store, "soda", 10);

        reserve(store, "soda", 5);

        assertThat(lowStock(store)).isEmpty();
    }

    @Test
    void announcesAgainOnlyAfterARestockAboveTheThreshold() {
        String store = newStore();
        String other = newStore();
        inv.stock(store, "salad", 6);
        inv.stock(other, "salad", 0);

        adjust(store, "salad", -2); // 6 → 4: crossed
        adjust(store, "salad", 1); // 4 → 5: restocked to the threshold
        transfer(store, other, "salad", 1); // 5 → 4: crossed again

        assertThat(lowStock(store)).extracting(event -> event.data().get("available")).containsExactly(4, 4);
        assertThat(lowStock(other)).isEmpty();
    }

    @Test
    void confirmingAHoldDoesNotAnnounceAgain() {
        String store = newStore();
        inv.stock(store, "burger", 5);
        String reservationId = reserve(store, "burger", 3); // 5 → 2: crossed

        inv.confirm.execute(request(Map.of("reservationId", reservationId))); // on hand and reserved both drop

        assertThat(lowStock(store)).hasSize(1);
        assertThat(inv.available(store, "burger")).isEqualTo(2);
    }

    @Test
    void aRepeatedAdjustmentWritesNoSecondEvent() {
        String store = newStore();
        inv.stock(store, "soda", 8);
        ConnectorRequest adjust = request(Map.of("store", store, "sku", "soda", "delta", -4, "reason", "spilled"));

        inv.adjust.execute(adjust);
        inv.adjust.execute(adjust); // the same task's call delivered again: replayed, not applied

        assertThat(lowStock(store)).hasSize(1);
        assertThat(inv.available(store, "soda")).isEqualTo(4);
    }

    @Test
    void aRefusedReservationWritesNoEvent() {
        String store = newStore();
        inv.stock(store, "fries", 6);
        inv.stock(store, "soda", 0);

        assertThatThrownBy(() -> inv.reserve.execute(request(Map.of("store", store, "items",
                List.of(Map.of("sku", "fries", "qty", 3), Map.of("sku", "soda", "qty", 1))))))
                .isInstanceOf(ConnectorBusinessError.class);

        assertThat(lowStock(store)).isEmpty();
        assertThat(inv.available(store, "fries")).isEqualTo(6);
    }

    @Test
    void aThresholdOfZeroTurnsTheEventOff() {
        try (InventoryFixture quiet = new InventoryFixture(2, 0)) {
            quiet.stock("s0", "fries", 3);

            quiet.reserve.execute(request(Map.of("store", "s0", "items", List.of(Map.of("sku", "fries", "qty", 3)))));

            assertThat(quiet.outbox.lastSeq()).isZero();
        }
    }

    private static String reserve(String store, String sku, int qty) {
        return (String) inv.reserve.execute(request(Map.of("store", store, "items",
                List.of(Map.of("sku", sku, "qty", qty))))).get("reservationId");
    }

    private static void adjust(String store, String sku, int delta) {
        inv.adjust.execute(request(Map.of("store", store, "sku", sku, "delta", delta, "reason", "count")));
    }

    private static void transfer(String from, String to, String sku, int qty) {
        inv.transfer.execute(request(Map.of("from", from, "to", to, "sku", sku, "qty", qty)));
    }

    private static List<OutboxEvent> lowStock(String store) {
        return inv.outbox.after(0, 10_000).stream().map(StoredEvent::event)
                .filter(event -> event.type().equals("stock.low") && store.equals(event.data().get("store")))
                .toList();
    }

    private static String newStore() {
        return "store-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
