package io.flowgate.gateway.idempotency;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.gateway.idempotency.Reservation.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What the database-backed stores add to the contract: answers survive a restart, expired keys are purged. */
abstract class DatabaseIdempotencyStoreContract extends IdempotencyStoreContract {

    @TempDir
    Path dir;

    HikariDataSource dataSource;
    IdempotencyStore store;

    /** A store on {@code dataSource} whose reservations are abandoned after {@link #LOCK_TIMEOUT}. */
    abstract IdempotencyStore storeOn(DataSource dataSource);

    /** The store's purge, run now; how many keys it deleted. */
    abstract int purgeExpired();

    @BeforeEach
    void open() {
        dataSource = dataSource(dir);
        store = storeOn(dataSource);
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
    void purgesExpiredKeys() throws Exception {
        String expiring = key();
        store.reserve(expiring, "fp", Duration.ofMillis(50));
        store.complete(expiring, created());
        String kept = key();
        store.reserve(kept, "fp", DAY);
        store.complete(kept, created());
        Thread.sleep(100);

        assertThat(purgeExpired()).isEqualTo(1);
        assertThat(rows()).isEqualTo(1);
    }

    int rows() throws SQLException {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM idempotency_keys")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static HikariDataSource dataSource(Path dir) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("flowgate") + ";DB_CLOSE_ON_EXIT=FALSE");
        config.setUsername("sa");
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
    }
}
