package io.flowgate.gateway.idempotency;

import io.flowgate.gateway.idempotency.Reservation.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link IdempotencyStore} must do; run against the database and against Redis. */
abstract class IdempotencyStoreContract {

    static final Duration DAY = Duration.ofHours(24);
    static final Duration LOCK_TIMEOUT = Duration.ofMillis(300);

    /** A store whose reservations are abandoned after {@link #LOCK_TIMEOUT}. */
    abstract IdempotencyStore store();

    static StoredResponse created() {
        byte[] body = {'{', '"', 'i', 'd', '"', ':', '1', '}', (byte) 0xff, 0};
        return new StoredResponse(201, Map.of("Content-Type", "application/json", "Location", "/orders/1"), body);
    }

    @Test
    void grantsExactlyOneOfFiftyConcurrentReservationsOfOneKey() throws Exception {
        String key = key();

        List<Outcome> outcomes = concurrently(50, () -> store().reserve(key, "fp", DAY).outcome());

        assertThat(outcomes).filteredOn(o -> o == Outcome.ACQUIRED).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o != Outcome.ACQUIRED).allMatch(o -> o == Outcome.IN_PROGRESS);
    }

    @Test
    void replaysTheStoredResponseByteForByteOnceCompleted() throws Exception {
        String key = key();
        store().reserve(key, "fp", DAY);
        store().complete(key, created());

        List<Reservation> replays = concurrently(20, () -> store().reserve(key, "fp", DAY));

        assertThat(replays).allMatch(r -> r.outcome() == Outcome.REPLAY);
        StoredResponse replayed = replays.get(0).response().orElseThrow();
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.headers()).isEqualTo(created().headers());
        assertThat(replayed.body()).isEqualTo(created().body());
    }

    @Test
    void reportsAMismatchForTheSameKeyWithAnotherRequest() {
        String key = key();
        store().reserve(key, "fp", DAY);

        assertThat(store().reserve(key, "other", DAY).outcome()).isEqualTo(Outcome.MISMATCH);
        store().complete(key, created());
        assertThat(store().reserve(key, "other", DAY).outcome()).isEqualTo(Outcome.MISMATCH);
    }

    @Test
    void letsAReleasedKeyBeReservedAgain() {
        String key = key();
        store().reserve(key, "fp", DAY);
        store().release(key);

        assertThat(store().reserve(key, "corrected", DAY).outcome()).isEqualTo(Outcome.ACQUIRED);
    }

    @Test
    void neverReleasesACompletedKey() {
        String key = key();
        store().reserve(key, "fp", DAY);
        store().complete(key, created());
        store().release(key);

        assertThat(store().reserve(key, "fp", DAY).outcome()).isEqualTo(Outcome.REPLAY);
    }

    @Test
    void forgetsAKeyAfterItsRetention() throws Exception {
        String key = key();
        store().reserve(key, "fp", Duration.ofMillis(200));
        store().complete(key, created());

        Thread.sleep(350);

        assertThat(store().reserve(key, "another", DAY).outcome()).isEqualTo(Outcome.ACQUIRED);
    }

    @Test
    void handsAnAbandonedReservationToExactlyOneLaterRequest() throws Exception {
        String key = key();
        store().reserve(key, "fp", DAY);

        Thread.sleep(LOCK_TIMEOUT.toMillis() + 100);
        List<Outcome> outcomes = concurrently(20, () -> store().reserve(key, "fp", DAY).outcome());

        assertThat(outcomes).filteredOn(o -> o == Outcome.ACQUIRED).hasSize(1);
    }

    static String key() {
        return "acme|alice|POST /orders|" + UUID.randomUUID();
    }

    static <T> List<T> concurrently(int threads, java.util.concurrent.Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
