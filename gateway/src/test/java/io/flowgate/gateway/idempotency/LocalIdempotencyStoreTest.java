package io.flowgate.gateway.idempotency;

import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.gateway.idempotency.Reservation.Outcome;
import io.flowgate.gateway.idempotency.internal.JdbcIdempotencyStore;
import io.flowgate.gateway.idempotency.internal.LocalIdempotencyStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LocalIdempotencyStoreTest extends IdempotencyStoreContract {

    @TempDir
    Path dir;

    private HikariDataSource dataSource;
    private LocalIdempotencyStore store;

    @BeforeEach
    void open() {
        dataSource = JdbcIdempotencyStoreTest.dataSource(dir);
        store = new LocalIdempotencyStore(dataSource, LOCK_TIMEOUT, null, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
        dataSource.close();
    }

    @Override
    IdempotencyStore store() {
        return store;
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
    void keepsAnswersAcrossARestart() {
        String key = key();
        store.reserve(key, "fp", DAY);
        store.complete(key, created());
        close();

        open();
        Reservation after = store.reserve(key, "fp", DAY);

        assertThat(after.outcome()).isEqualTo(Outcome.REPLAY);
        assertThat(after.response().orElseThrow().body()).isEqualTo(created().body());
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

    @Test
    void purgesExpiredAnswers() throws Exception {
        String expiring = key();
        store.reserve(expiring, "fp", Duration.ofMillis(50));
        store.complete(expiring, created());
        String kept = key();
        store.reserve(kept, "fp", DAY);
        store.complete(kept, created());
        Thread.sleep(100);

        assertThat(store.purgeExpired()).isEqualTo(1);
        assertThat(rows()).isEqualTo(1);
    }

    private int rows() throws SQLException {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM idempotency_keys")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
