package io.flowgate.connectors.inventory;

import io.flowgate.connectors.testsupport.TestDatabase;
import io.flowgate.connectors.ConnectorBusinessError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static io.flowgate.connectors.inventory.InventoryFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

/** Stock never goes below zero, whatever runs at the same time: checked in the table, not only in the answers. */
class InventoryConcurrencyTest {

    private static final int POOL = 20;
    private static final int THREADS = 32;

    private InventoryFixture inv;

    @BeforeEach
    void database() {
        inv = new InventoryFixture(POOL);
    }

    @AfterEach
    void close() {
        inv.close();
    }

    @Test
    void threeHundredParallelReservationsOfOneUnitAgainstAHundredGetExactlyAHundred() throws Exception {
        inv.stock("rush", "burger", 100);
        AtomicInteger outOfStock = new AtomicInteger();
        ConcurrentLinkedQueue<String> reserved = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

        long lowest;
        long started = System.nanoTime();
        try (Watcher watcher = new Watcher("rush", "burger")) {
            runInParallel(300, () -> {
                try {
                    reserved.add((String) inv.reserve.execute(request(Map.of("store", "rush",
                            "items", List.of(Map.of("sku", "burger", "qty", 1))))).get("reservationId"));
                } catch (ConnectorBusinessError e) {
                    assertThat(e.code()).isEqualTo("OUT_OF_STOCK");
                    outOfStock.incrementAndGet();
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            lowest = watcher.lowest();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(failures).isEmpty();
        assertThat(reserved).hasSize(100).doesNotHaveDuplicates();
        assertThat(outOfStock).hasValue(200);
        assertThat(lowest).isGreaterThanOrEqualTo(0);
        assertThat(inv.onHand("rush", "burger")).isEqualTo(100);
        assertThat(inv.reserved("rush", "burger")).isEqualTo(100);
        assertThat(TestDatabase.queryLong(inv.pool, "SELECT COUNT(*) FROM stock_reservations WHERE store = 'rush' "
                + "AND status = 'HELD'")).isEqualTo(100);

        List<String> ids = new ArrayList<>(reserved);
        runInParallel(ids.size(), new Runnable() {
            private final AtomicInteger next = new AtomicInteger();

            @Override
            public void run() {
                inv.confirm.execute(request(Map.of("reservationId", ids.get(next.getAndIncrement()))));
            }
        });

        assertThat(inv.onHand("rush", "burger")).isZero();
        assertThat(inv.reserved("rush", "burger")).isZero();
        assertThat(TestDatabase.queryLong(inv.pool, "SELECT COUNT(*) FROM stock_reservations WHERE store = 'rush' "
                + "AND status = 'CONFIRMED'")).isEqualTo(100);
        System.out.printf("300 reservations vs 100 units (pool %d, %d threads): %d ms, lowest available seen %d%n",
                POOL, THREADS, millis, lowest);
    }

    @Test
    void aRedeliveredReservationRacingItselfHoldsOnce() throws Exception {
        inv.stock("twin", "soda", 50);
        var request = request(Map.of("store", "twin", "items", List.of(Map.of("sku", "soda", "qty", 5))));
        ConcurrentLinkedQueue<Object> ids = new ConcurrentLinkedQueue<>();

        runInParallel(THREADS, () -> ids.add(inv.reserve.execute(request).get("reservationId")));

        assertThat(ids).hasSize(THREADS);
        assertThat(ids.stream().distinct()).hasSize(1);
        assertThat(inv.reserved("twin", "soda")).isEqualTo(5);
    }

    @Test
    void concurrentTransfersBetweenStoresKeepTheTotalAndNeverGoNegative() throws Exception {
        List<String> stores = List.of("n", "e", "s", "w");
        for (String store : stores) {
            inv.stock(store, "fries", 25);
        }
        inv.reserve.execute(request(Map.of("store", "n", "items", List.of(Map.of("sku", "fries", "qty", 10)))));
        AtomicInteger moved = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

        long lowest;
        try (Watcher watcher = new Watcher(null, "fries")) {
            runInParallel(400, () -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                String from = stores.get(random.nextInt(4));
                String to = stores.get((stores.indexOf(from) + 1 + random.nextInt(3)) % 4);
                try {
                    inv.transfer.execute(request(Map.of("from", from, "to", to, "sku", "fries",
                            "qty", 1 + random.nextInt(15))));
                    moved.incrementAndGet();
                } catch (ConnectorBusinessError e) {
                    assertThat(e.code()).isEqualTo("OUT_OF_STOCK");
                    refused.incrementAndGet();
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            lowest = watcher.lowest();
        }

        assertThat(failures).isEmpty();
        assertThat(TestDatabase.queryLong(inv.pool, "SELECT SUM(on_hand) FROM stock WHERE sku = 'fries' "
                + "AND store IN ('n', 'e', 's', 'w')")).isEqualTo(100);
        assertThat(inv.reserved("n", "fries")).isEqualTo(10);
        assertThat(inv.onHand("n", "fries")).isGreaterThanOrEqualTo(10);
        assertThat(lowest).isGreaterThanOrEqualTo(0);
        assertThat(TestDatabase.queryLong(inv.pool, "SELECT COALESCE(SUM(on_hand_delta), 0) FROM stock_movements "
                + "WHERE sku = 'fries'")).isZero();
        assertThat(moved.get() + refused.get()).isEqualTo(400);
        System.out.printf("400 random transfers between 4 stores: %d moved, %d refused, lowest available %d%n",
                moved.get(), refused.get(), lowest);
    }

    @Test
    void reservationsConfirmationsAndReleasesRacingTheSweeperNeverLoseOrDoubleStock() throws Exception {
        inv.stock("mix", "salad", 60);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger confirmed = new AtomicInteger();
        AtomicBoolean sweeping = new AtomicBoolean(true);
        Thread sweeper = new Thread(() -> {
            while (sweeping.get()) {
                inv.sweeper.sweep();
            }
        });
        sweeper.start();
        try {
            runInParallel(200, () -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                try {
                    String id = (String) inv.reserve.execute(request(Map.of("store", "mix", "ttl", 1,
                            "items", List.of(Map.of("sku", "salad", "qty", 1 + random.nextInt(3)))))).get("reservationId");
                    if (random.nextBoolean()) {
                        inv.confirm.execute(request(Map.of("reservationId", id)));
                        confirmed.incrementAndGet();
                    } else {
                        inv.release.execute(request(Map.of("reservationId", id)));
                    }
                } catch (ConnectorBusinessError e) {
                    // expired: confirm released it; released: the sweeper got there first
                    assertThat(e.code()).isIn("OUT_OF_STOCK", "RESERVATION_EXPIRED", "RESERVATION_RELEASED");
                } catch (Throwable e) {
                    failures.add(e);
                }
                if (random.nextInt(10) == 0) {
                    inv.clock.advance(java.time.Duration.ofSeconds(2)); // expire whatever is held right now
                }
            });
        } finally {
            sweeping.set(false);
            sweeper.join();
        }
        inv.clock.advance(java.time.Duration.ofSeconds(2));
        inv.sweeper.sweep();

        assertThat(failures).isEmpty();
        long sold = TestDatabase.queryLong(inv.pool, "SELECT COALESCE(SUM(l.qty), 0) FROM stock_reservation_lines l "
                + "JOIN stock_reservations r ON r.id = l.reservation_id WHERE r.store = 'mix' AND r.status = 'CONFIRMED'");
        assertThat(inv.reserved("mix", "salad")).isZero();
        assertThat(inv.onHand("mix", "salad")).isEqualTo(60 - sold);
        System.out.printf("reserve/confirm/release racing the sweeper: %d confirmed, %d units sold%n",
                confirmed.get(), sold);
    }

    /** Runs {@code task} {@code times} times on {@link #THREADS} threads, all released at once. */
    private static void runInParallel(int times, Runnable task) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                calls.add(threads.submit(() -> {
                    go.await();
                    task.run();
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            threads.shutdown();
        }
    }

    /** Polls the stock table while a test runs and remembers the lowest on_hand - reserved it saw. */
    private final class Watcher implements AutoCloseable {

        private final AtomicLong lowest = new AtomicLong(Long.MAX_VALUE);
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        Watcher(String store, String sku) {
            String sql = "SELECT MIN(on_hand - reserved) FROM stock WHERE sku = ?"
                    + (store == null ? "" : " AND store = '" + store + "'");
            thread = new Thread(() -> {
                while (running.get()) {
                    lowest.accumulateAndGet(TestDatabase.queryLong(inv.pool, sql, sku), Math::min);
                }
            });
            thread.start();
        }

        long lowest() throws InterruptedException {
            running.set(false);
            thread.join();
            return lowest.get();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
