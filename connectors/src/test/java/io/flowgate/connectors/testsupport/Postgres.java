package io.flowgate.connectors.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A real PostgreSQL (embedded binaries) for the tests of this JVM, started on first use and stopped when the JVM
 * exits; each caller gets a database of its own.
 */
public final class Postgres {

    private static EmbeddedPostgres server;

    private Postgres() {
    }

    /** A new, empty database behind a HikariCP pool of {@code size} connections. */
    public static HikariDataSource freshDatabase(int size) {
        String name = "db_" + UUID.randomUUID().toString().replace("-", "");
        EmbeddedPostgres postgres = server();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement create = c.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", name));
        config.setUsername("postgres");
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is going away; the data directory is temporary
                }
            }, "postgres-stop"));
        }
        return server;
    }
}
