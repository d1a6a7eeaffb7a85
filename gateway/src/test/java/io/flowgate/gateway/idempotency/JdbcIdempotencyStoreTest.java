package io.flowgate.gateway.idempotency;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.gateway.idempotency.Reservation.Outcome;
import io.flowgate.gateway.idempotency.internal.JdbcIdempotencyStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcIdempotencyStoreTest extends IdempotencyStoreContract {

    @TempDir
    Path dir;

    private HikariDataSource dataSource;
    private JdbcIdempotencyStore store;

    @BeforeEach
    void open() {
        dataSource = dataSource(dir);
        store = new JdbcIdempotencyStore(dataSource, LOCK_TIMEOUT, null, Clock.systemUTC());
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
    void keepsKeysAcrossARestart() {
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
    void purgesExpiredKeys() throws Exception {
        store.reserve(key(), "fp", Duration.ofMillis(50));
        store.reserve(key(), "fp", DAY);
        Thread.sleep(100);

        assertThat(store.purgeExpired()).isEqualTo(1);
    }

    static HikariDataSource dataSource(Path dir) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("flowgate") + ";DB_CLOSE_ON_EXIT=FALSE");
        config.setUsername("sa");
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
    }
}
