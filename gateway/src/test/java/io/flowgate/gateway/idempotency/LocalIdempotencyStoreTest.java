package io.flowgate.gateway.idempotency;

import io.flowgate.gateway.idempotency.Reservation.Outcome;
import io.flowgate.gateway.idempotency.internal.JdbcIdempotencyStore;
import io.flowgate.gateway.idempotency.internal.LocalIdempotencyStore;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LocalIdempotencyStoreTest extends DatabaseIdempotencyStoreContract {

    @Override
    IdempotencyStore storeOn(DataSource dataSource) {
        return new LocalIdempotencyStore(dataSource, LOCK_TIMEOUT, null, Clock.systemUTC());
    }

    @Override
    int purgeExpired() {
        return ((LocalIdempotencyStore) store).purgeExpired();
    }

    @Test
    void writesOneRowPerKeyOnlyOnceTheAnswerIsStored() throws Exception {
        String key = key();
        store.reserve(key, "fp", DAY);
        assertThat(rows()).isZero();

        store.complete(key, created());

        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void freesAReservationWhoseProcessEndedWithoutWaitingForItsLock() {
        String key = key();
        store.reserve(key, "fp", Duration.ofHours(1));
        close();

        open();

        assertThat(store.reserve(key, "fp", DAY).outcome()).isEqualTo(Outcome.ACQUIRED);
    }

    @Test
    void honoursAReservationTheSharedStoreLeftInTheDatabase() {
        String key = key();
        try (var shared = new JdbcIdempotencyStore(dataSource, Duration.ofHours(1), null, Clock.systemUTC())) {
            shared.reserve(key, "fp", DAY);
        }

        assertThat(store.reserve(key, "fp", DAY).outcome()).isEqualTo(Outcome.IN_PROGRESS);
        assertThat(store.reserve(key, "other", DAY).outcome()).isEqualTo(Outcome.MISMATCH);
    }

    @Test
    void overwritesAnExpiredAnswerWithTheNewOne() throws Exception {
        String key = key();
        store.reserve(key, "fp", Duration.ofMillis(100));
        store.complete(key, created());
        Thread.sleep(200);

        assertThat(store.reserve(key, "another", DAY).outcome()).isEqualTo(Outcome.ACQUIRED);
        store.complete(key, new StoredResponse(200, java.util.Map.of(), new byte[] {'2'}));

        Reservation replay = store.reserve(key, "another", DAY);
        assertThat(replay.outcome()).isEqualTo(Outcome.REPLAY);
        assertThat(replay.response().orElseThrow().body()).containsExactly('2');
        assertThat(rows()).isEqualTo(1);
    }
}
