package io.flowgate.engine.internal.nodes;

import io.flowgate.connectors.storage.Jdbc;
import io.flowgate.connectors.storage.StorageFailure;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Where a node's heartbeat and recovery SQL runs. On a database other nodes can share, one connection is kept out of
 * the pool for it: a pool drained by a burst of requests must not delay the heartbeat until the other nodes take this
 * live node for dead and run its jobs a second time. On H2 (one process, or a test) the pool is used.
 */
final class NodeConnection implements AutoCloseable {

    private final DataSource dataSource;
    private final boolean exclusive;
    private final boolean pinned;
    private Connection connection;

    private NodeConnection(DataSource dataSource, boolean exclusive, boolean pinned) {
        this.dataSource = dataSource;
        this.exclusive = exclusive;
        this.pinned = pinned;
    }

    static NodeConnection open(DataSource dataSource) {
        return Jdbc.read(dataSource, "cannot tell which database the nodes share", c -> {
            DatabaseMetaData meta = c.getMetaData();
            boolean h2 = "H2".equalsIgnoreCase(meta.getDatabaseProductName());
            return new NodeConnection(dataSource, h2 && exclusiveH2(meta.getURL()), !h2);
        });
    }

    /**
     * Whether the database is an H2 file opened in embedded mode: H2 locks the file, so no other process can have it
     * open and every node that ran on it before is dead (in-memory and server-mode databases can be shared).
     */
    static boolean exclusiveH2(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:")) {
            return false;
        }
        String rest = lower.substring("jdbc:h2:".length());
        return !rest.startsWith("mem:") && !rest.startsWith("tcp:") && !rest.startsWith("ssl:")
                && !rest.replace(" ", "").contains(";auto_server=true");
    }

    /** Whether no other process can use this database (see {@link #exclusiveH2}). */
    boolean exclusive() {
        return exclusive;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    synchronized <T> T transaction(String what, Jdbc.Work<T> work) {
        if (!pinned) {
            return Jdbc.inTransaction(dataSource, what, work);
        }
        try {
            Connection c = connection();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error failure) {
                rollback(c, failure);
                throw failure;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            discard();
            throw new StorageFailure(what, e);
        }
    }

    /** Runs {@code work} with each statement committed on its own. */
    synchronized <T> T autoCommit(String what, Jdbc.Work<T> work) {
        if (!pinned) {
            return Jdbc.read(dataSource, what, work);
        }
        try {
            return work.run(connection());
        } catch (SQLException e) {
            discard();
            throw new StorageFailure(what, e);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
        }
        return connection;
    }

    /** A connection that failed may be broken (the database restarted): the next round takes a fresh one. */
    private void discard() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is being dropped anyway
            }
            connection = null;
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public synchronized void close() {
        discard();
    }
}
