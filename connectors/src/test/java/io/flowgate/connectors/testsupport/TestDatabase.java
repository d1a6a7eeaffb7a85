package io.flowgate.connectors.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/** A fresh in-memory H2 database behind a HikariCP pool, as the gateway wires it; plus a clock tests can move. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static HikariDataSource pool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:connectors-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setMaximumPoolSize(size);
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    public static long queryLong(HikariDataSource pool, String sql, Object... args) {
        try (Connection c = pool.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                select.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(HikariDataSource pool, String sql, Object... args) {
        try (Connection c = pool.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                update.setObject(i + 1, args[i]);
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds a store of {@code tenant} (null: tenantless) unless one with this id exists. */
    public static void store(HikariDataSource pool, String id, String tenant) {
        if (queryLong(pool, "SELECT COUNT(*) FROM stores WHERE id = ?", id) == 0) {
            execute(pool, "INSERT INTO stores (id, tenant, name) VALUES (?, ?, ?)", id, tenant, id);
        }
    }

    /** A clock that only moves when told to. */
    public static final class MovableClock extends Clock {

        private volatile Instant now = Instant.parse("2026-01-01T12:00:00Z");

        public void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
