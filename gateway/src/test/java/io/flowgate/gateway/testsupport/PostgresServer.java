package io.flowgate.gateway.testsupport;

import io.flowgate.gateway.GatewayServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real PostgreSQL (the embedded binaries of {@code io.zonky.test}) for one test class: {@link #startGateway} gives
 * each gateway a fresh, empty database of its own and checks that the gateway really runs on it. A PostgreSQL
 * variant of a test that quietly ran on the default H2 file would prove nothing, so that check is not optional.
 * {@link #close()} stops the gateways it started, then the server.
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final List<GatewayServer> gateways = new ArrayList<>();
    private int databases;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresServer startNew() {
        try {
            return new PostgresServer(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    /**
     * Starts a gateway with {@code properties} on a new database of this server and fails unless its connection pool
     * reaches exactly that database.
     */
    public GatewayServer startGateway(Map<String, Object> properties) {
        return startOn(createDatabase(), properties);
    }

    /**
     * Starts {@code count} gateways, the nodes of one cluster, on one new database of this server (one after the
     * other) and fails unless each reaches exactly that database.
     */
    public List<GatewayServer> startNodes(int count, Map<String, Object> properties) {
        String database = createDatabase();
        List<GatewayServer> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            nodes.add(startOn(database, properties));
        }
        return nodes;
    }

    private GatewayServer startOn(String database, Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("flowgate.db-url", postgres.getJdbcUrl("postgres", database));
        all.put("flowgate.db-user", "postgres");
        all.put("flowgate.db-password", "");
        GatewayServer gateway = GatewayServer.start(all);
        synchronized (this) {
            gateways.add(gateway);
        }
        assertThat(databaseOf(gateway.context().getBean(DataSource.class)))
                .as("the database the gateway's pool reaches").isEqualTo("PostgreSQL " + database);
        return gateway;
    }

    /** A new, empty database of this server, for a gateway started otherwise (e.g. as a child process). */
    public String newDatabaseUrl() {
        return postgres.getJdbcUrl("postgres", createDatabase());
    }

    private synchronized String createDatabase() {
        String name = "flowgate_" + ++databases;
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement create = c.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return name;
    }

    /** The product and, by a query only PostgreSQL answers, the name of the database the pool reaches. */
    private static String databaseOf(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement query = c.createStatement();
             ResultSet rs = query.executeQuery("SELECT current_database()")) {
            rs.next();
            return c.getMetaData().getDatabaseProductName() + " " + rs.getString(1);
        } catch (SQLException e) {
            return "not PostgreSQL: " + e.getMessage();
        }
    }

    @Override
    public synchronized void close() {
        try {
            gateways.forEach(GatewayServer::close);
        } finally {
            closeServer();
        }
    }

    private void closeServer() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
        }
    }
}
