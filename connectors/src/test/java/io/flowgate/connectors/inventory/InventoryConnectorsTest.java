package io.flowgate.connectors.inventory;

import io.flowgate.connectors.testsupport.TestDatabase;
import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.ConnectorRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.flowgate.connectors.inventory.InventoryFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InventoryConnectorsTest {

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
    void seedsStockForTheMenuOfEveryStoreOfBothTenants() {
        assertThat(skus("bistro", "downtown")).containsExactly("burger", "fries", "salad", "soda");
        assertThat(skus("bistro", "uptown")).containsExactly("burger", "fries", "salad", "soda");
        assertThat(skus("diner", "harbour")).containsExactly("coffee", "pancakes", "shake");
        assertThat(skus("diner", "station")).containsExactly("coffee", "pancakes", "shake");
    }

    private static List<String> skus(String tenant, String store) {
        List<?> rows = (List<?>) inv.stock.execute(new ConnectorRequest(UUID.randomUUID().toString(), "stock", null,
                tenant, Map.of("store", store))).get("stock");
        return rows.stream().map(row -> String.valueOf(((Map<?, ?>) row).get("sku"))).toList();
    }

    @Test
    void reservesEveryLineAndHoldsItUntilTheExpiry() {
        inv.stock("s1", "a", 5);
        inv.stock("s1", "b", 5);

        Map<String, Object> out = inv.reserve.execute(request(Map.of("store", "s1", "ttl", "PT10M",
                "items", List.of(Map.of("sku", "a", "qty", 2), Map.of("sku", "b", "qty", 5)))));

        assertThat(out).containsEntry("status", "HELD").containsKey("reservationId")
                .containsEntry("expiresAt", inv.clock.instant().plus(Duration.ofMinutes(10)).toString());
        assertThat(inv.reserved("s1", "a")).isEqualTo(2);
        assertThat(inv.available("s1", "b")).isZero();
        assertThat(inv.onHand("s1", "a")).isEqualTo(5);
    }

    @Test
    void reservesNothingWhenAnyLineIsShortAndNamesEveryShortSku() {
        inv.stock("s2", "a", 5);
        inv.stock("s2", "b", 1);
        inv.stock("s2", "c", 1);
        long reservationsBefore = TestDatabase.queryLong(inv.pool, "SELECT COUNT(*) FROM stock_reservations");

        assertBusinessError(() -> inv.reserve.execute(request(Map.of("store", "s2", "items", List.of(
                Map.of("sku", "a", "qty", 3), Map.of("sku", "b", "qty", 2), Map.of("sku", "c", "qty", 1),
                Map.of("sku", "ghost", "qty", 1))))), "OUT_OF_STOCK", "b, ghost");

        assertThat(inv.reserved("s2", "a")).isZero();
        assertThat(inv.reserved("s2", "c")).isZero();
        assertThat(TestDatabase.queryLong(inv.pool, "SELECT COUNT(*) FROM stock_reservations"))
                .isEqualTo(reservationsBefore);
    }

    @Test
    void aRedeliveredReservationReturnsTheFirstAndHoldsOnce() {
        inv.stock("s3", "a", 5);
        ConnectorRequest request = request(Map.of("store", "s3", "items", List.of(Map.of("sku", "a", "qty", 2))));

        Map<String, Object> first = inv.reserve.execute(request);
        Map<String, Object> again = inv.reserve.execute(request);

        assertThat(again).isEqualTo(first);
        assertThat(inv.reserved("s3", "a")).isEqualTo(2);
    }

    @Test
    void confirmingSellsTheHeldStockOnce() {
        inv.stock("s4", "a", 5);
        String id = reserve("s4", "a", 2, null);
        ConnectorRequest confirm = request(Map.of("reservationId", id));

        assertThat(inv.confirm.execute(confirm)).containsEntry("status", "CONFIRMED");
        assertThat(inv.confirm.execute(confirm)).containsEntry("status", "CONFIRMED");
        assertThat(inv.confirm.execute(request(Map.of("reservationId", id)))).containsEntry("status", "CONFIRMED");

        assertThat(inv.onHand("s4", "a")).isEqualTo(3);
        assertThat(inv.reserved("s4", "a")).isZero();
        assertThat(TestDatabase.queryLong(inv.pool, "SELECT SUM(on_hand_delta) FROM stock_movements "
                + "WHERE store = 's4' AND kind = 'SALE'")).isEqualTo(-2);
    }

    @Test
    void releaseRestoresAvailabilityAndIsANoOpTheSecondTime() {
        inv.stock("s5", "a", 5);
        String id = reserve("s5", "a", 4, null);
        assertThat(inv.available("s5", "a")).isEqualTo(1);

        assertThat(inv.release.execute(request(Map.of("reservationId", id))))
                .containsEntry("status", "RELEASED").containsEntry("released", true);
        assertThat(inv.release.execute(request(Map.of("reservationId", id))))
                .containsEntry("status", "RELEASED").containsEntry("released", false);
        assertThat(inv.release.execute(request(Map.of("reservationId", "no-such-id"))))
                .containsEntry("status", "UNKNOWN").containsEntry("released", false);

        assertThat(inv.available("s5", "a")).isEqualTo(5);
        assertThat(inv.onHand("s5", "a")).isEqualTo(5);
    }

    @Test
    void aReleasedReservationCannotBeConfirmedAndAConfirmedOneIsNotReleased() {
        inv.stock("s6", "a", 5);
        String released = reserve("s6", "a", 1, null);
        String sold = reserve("s6", "a", 1, null);
        inv.release.execute(request(Map.of("reservationId", released)));
        inv.confirm.execute(request(Map.of("reservationId", sold)));

        assertBusinessError(() -> inv.confirm.execute(request(Map.of("reservationId", released))),
                "RESERVATION_RELEASED", released);
        assertThat(inv.release.execute(request(Map.of("reservationId", sold))))
                .containsEntry("status", "CONFIRMED").containsEntry("released", false);
        assertBusinessError(() -> inv.confirm.execute(request(Map.of("reservationId", "nope"))),
                "RESERVATION_NOT_FOUND", "nope");
        assertThat(inv.onHand("s6", "a")).isEqualTo(4);
        assertThat(inv.reserved("s6", "a")).isZero();
    }

    @Test
    void theSweeperReleasesExpiredHoldsOnly() {
        inv.stock("s7", "a", 10);
        String shortHold = reserve("s7", "a", 3, 60);
        String longHold = reserve("s7", "a", 4, 3600);
        inv.clock.advance(Duration.ofSeconds(61));

        int released = inv.sweeper.sweep();

        assertThat(released).isGreaterThanOrEqualTo(1);
        assertThat(inv.reservations.find(shortHold, null).orElseThrow().status()).isEqualTo("RELEASED");
        assertThat(inv.reservations.find(longHold, null).orElseThrow().status()).isEqualTo("HELD");
        assertThat(inv.reserved("s7", "a")).isEqualTo(4);
        assertThat(inv.sweeper.sweep()).isZero();
    }

    @Test
    void confirmingAnExpiredHoldReleasesItAndRefuses() {
        inv.stock("s8", "a", 10);
        String id = reserve("s8", "a", 3, 1);
        inv.clock.advance(Duration.ofSeconds(2));

        assertBusinessError(() -> inv.confirm.execute(request(Map.of("reservationId", id))),
                "RESERVATION_EXPIRED", id);

        assertThat(inv.reservations.find(id, null).orElseThrow().status()).isEqualTo("RELEASED");
        assertThat(inv.available("s8", "a")).isEqualTo(10);
    }

    @Test
    void usesTheDefaultTtlAndRefusesOneAboveTheMaximum() {
        inv.stock("s9", "a", 10);
        Map<String, Object> out = inv.reserve.execute(request(Map.of("store", "s9",
                "items", List.of(Map.of("sku", "a", "qty", 1)))));

        assertThat(Instant.parse((String) out.get("expiresAt")))
                .isEqualTo(inv.clock.instant().plus(InventorySettings.DEFAULT_TTL));
        assertBusinessError(() -> inv.reserve.execute(request(Map.of("store", "s9", "ttl", "P2D",
                "items", List.of(Map.of("sku", "a", "qty", 1))))), "INVALID_INPUT", "ttl");
    }

    @Test
    void transfersBetweenStoresOnceAndRefusesMoreThanIsAvailable() {
        inv.stock("t1", "a", 10);
        inv.stock("t2", "a", 1);
        reserve("t1", "a", 4, null);
        ConnectorRequest move = request(Map.of("from", "t1", "to", "t2", "sku", "a", "qty", 6));

        Map<String, Object> first = inv.transfer.execute(move);
        assertThat(inv.transfer.execute(move)).isEqualTo(first);

        assertThat(first).containsEntry("fromOnHand", 4).containsEntry("toOnHand", 7);
        assertThat(inv.onHand("t1", "a")).isEqualTo(4);
        assertThat(inv.onHand("t2", "a")).isEqualTo(7);
        assertBusinessError(() -> inv.transfer.execute(request(Map.of("from", "t1", "to", "t2", "sku", "a",
                "qty", 1))), "OUT_OF_STOCK", "a"); // the 4 left on hand are all reserved
        assertThat(inv.onHand("t2", "a")).isEqualTo(7);
    }

    @Test
    void aTransferToAStoreWithoutTheSkuCreatesItsRow() {
        inv.stock("t3", "z", 3);
        TestDatabase.store(inv.pool, "t4", null);

        inv.transfer.execute(request(Map.of("from", "t3", "to", "t4", "sku", "z", "qty", 2)));

        assertThat(inv.onHand("t4", "z")).isEqualTo(2);
        assertBusinessError(() -> inv.transfer.execute(request(Map.of("from", "t3", "to", "t3", "sku", "z",
                "qty", 1))), "INVALID_INPUT", "same store");
    }

    @Test
    void adjustsOnceWithItsReasonAndNeverBelowReserved() {
        inv.stock("a1", "a", 5);
        reserve("a1", "a", 3, null);
        ConnectorRequest waste = request(Map.of("store", "a1", "sku", "a", "delta", -2, "reason", "dropped"));

        assertThat(inv.adjust.execute(waste)).containsEntry("onHand", 3).containsEntry("available", 0);
        assertThat(inv.adjust.execute(waste)).containsEntry("onHand", 3);
        assertBusinessError(() -> inv.adjust.execute(request(Map.of("store", "a1", "sku", "a", "delta", -1,
                "reason", "count"))), "INVALID_ADJUSTMENT", "reserved 3");
        assertBusinessError(() -> inv.adjust.execute(request(Map.of("store", "a1", "sku", "none", "delta", -1,
                "reason", "count"))), "INVALID_ADJUSTMENT", "a1/none");

        assertThat(inv.onHand("a1", "a")).isEqualTo(3);
        assertThat(TestDatabase.queryLong(inv.pool, "SELECT COUNT(*) FROM stock_movements WHERE store = 'a1' "
                + "AND kind = 'ADJUST' AND reason = 'dropped'")).isEqualTo(1);
    }

    @Test
    void aPositiveAdjustmentOfANewSkuCreatesItsRow() {
        TestDatabase.store(inv.pool, "a2", null);

        assertThat(inv.adjust.execute(request(Map.of("store", "a2", "sku", "new", "delta", "12",
                "reason", "delivery")))).containsEntry("onHand", 12).containsEntry("reserved", 0);
    }

    @Test
    void neverMakesAStoreThatDoesNotExist() {
        inv.stock("t5", "z", 3);
        long stores = TestDatabase.queryLong(inv.pool, "SELECT COUNT(*) FROM stores");

        assertBusinessError(() -> inv.transfer.execute(request(Map.of("from", "t5", "to", "nowhere", "sku", "z",
                "qty", 1))), "INVALID_INPUT", "'to' is not a known store: nowhere");
        assertBusinessError(() -> inv.adjust.execute(request(Map.of("store", "nowhere", "sku", "z", "delta", 5,
                "reason", "delivery"))), "INVALID_INPUT", "'store' is not a known store: nowhere");

        assertThat(TestDatabase.queryLong(inv.pool, "SELECT COUNT(*) FROM stores")).isEqualTo(stores);
        assertThat(TestDatabase.queryLong(inv.pool, "SELECT COUNT(*) FROM stock WHERE store = 'nowhere'")).isZero();
        assertThat(inv.onHand("t5", "z")).isEqualTo(3);
    }

    @Test
    void refusesMalformedInputs() {
        assertBusinessError(() -> inv.reserve.execute(request(Map.of("store", "s1",
                "items", List.of(Map.of("sku", "a", "qty", -1))))), "INVALID_INPUT", "qty");
        assertBusinessError(() -> inv.adjust.execute(request(Map.of("store", "s1", "sku", "a", "delta", 0,
                "reason", "x"))), "INVALID_INPUT", "delta");
        assertBusinessError(() -> inv.transfer.execute(request(Map.of("from", "s1", "to", "s2", "sku", "a",
                "qty", "lots"))), "INVALID_INPUT", "qty");
    }

    private static String reserve(String store, String sku, long qty, Integer ttlSeconds) {
        Map<String, Object> inputs = new java.util.HashMap<>(Map.of("store", store,
                "items", List.of(Map.of("sku", sku, "qty", qty))));
        if (ttlSeconds != null) {
            inputs.put("ttl", ttlSeconds);
        }
        return (String) inv.reserve.execute(new ConnectorRequest(UUID.randomUUID().toString(), "reserve", null, null,
                inputs)).get("reservationId");
    }

    private static void assertBusinessError(Executable call, String code, String messagePart) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(ConnectorBusinessError.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
