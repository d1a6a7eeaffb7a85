package io.flowgate.engine.internal.nodes;

import io.flowgate.engine.config.NodeIdentity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows of {@code cluster_nodes} and the recovery lock ({@code db/migration/nodes}). Public for
 * {@link io.flowgate.engine.config.NodeLiveness}, which asks about one node with the same rule.
 */
public final class NodeTable {

    /** A node as its row has it. */
    public record Row(String id, long heartbeatAt, Long stoppedAt) {

        /** Running (not stopped) and heartbeating within {@code timeoutMillis} of {@code now}. */
        public boolean live(long now, long timeoutMillis) {
            return stoppedAt == null && heartbeatAt >= now - timeoutMillis;
        }

        /** Never stopped, but silent for longer than {@code timeoutMillis}: it died without saying so. */
        boolean dead(long now, long timeoutMillis) {
            return stoppedAt == null && heartbeatAt < now - timeoutMillis;
        }
    }

    private NodeTable() {
    }

    static List<Row> all(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT node_id, heartbeat_at, stopped_at FROM cluster_nodes");
             ResultSet rs = select.executeQuery()) {
            List<Row> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row(rs));
            }
            return rows;
        }
    }

    /** The row of one node, if it has one. */
    public static Optional<Row> find(Connection c, String nodeId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT node_id, heartbeat_at, stopped_at FROM cluster_nodes WHERE node_id = ?")) {
            select.setString(1, nodeId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        String id = rs.getString(1);
        long heartbeat = rs.getLong(2);
        long stopped = rs.getLong(3);
        return new Row(id, heartbeat, rs.wasNull() ? null : stopped);
    }

    /**
     * Serializes recoveries: whoever holds this row lock (until its transaction ends) is the only one deciding that
     * a node is dead or that the cluster was down, so deadlines are postponed once.
     */
    static void lockRecovery(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT id FROM cluster_recovery_lock WHERE id = 1 FOR UPDATE");
             ResultSet rs = lock.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the row of cluster_recovery_lock is missing");
            }
        }
    }

    static void register(Connection c, NodeIdentity node, long now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO cluster_nodes (node_id, host, pid, "
                + "started_at, heartbeat_at, stopped_at) VALUES (?, ?, ?, ?, ?, NULL)")) {
            insert.setString(1, node.id());
            insert.setString(2, node.host());
            insert.setLong(3, node.pid());
            insert.setLong(4, now);
            insert.setLong(5, now);
            insert.executeUpdate();
        }
    }

    /** The heartbeat; 0 when the row is gone or marked stopped, i.e. another node took this one for dead. */
    static int beat(Connection c, String nodeId, long now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE cluster_nodes SET heartbeat_at = ? WHERE node_id = ? AND stopped_at IS NULL")) {
            update.setLong(1, now);
            update.setString(2, nodeId);
            return update.executeUpdate();
        }
    }

    /** Makes a node taken for dead (or purged) live again. */
    static void revive(Connection c, NodeIdentity node, long now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE cluster_nodes SET heartbeat_at = ?, stopped_at = NULL WHERE node_id = ?")) {
            update.setLong(1, now);
            update.setString(2, node.id());
            if (update.executeUpdate() == 0) {
                register(c, node, now);
            }
        }
    }

    /** Marks a node stopped (shut down, or found dead) at {@code now}, keeping its last heartbeat. */
    static void markStopped(Connection c, String nodeId, long now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE cluster_nodes SET stopped_at = ? WHERE node_id = ? AND stopped_at IS NULL")) {
            update.setLong(1, now);
            update.setString(2, nodeId);
            update.executeUpdate();
        }
    }

    /** Marks every node not yet stopped as stopped: at start-up on a database no other process can open. */
    static int markAllStopped(Connection c, long now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE cluster_nodes SET stopped_at = ? WHERE stopped_at IS NULL")) {
            update.setLong(1, now);
            return update.executeUpdate();
        }
    }

    /** A clean stop: the last heartbeat is the moment of stopping. */
    static void stop(Connection c, String nodeId, long now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE cluster_nodes SET heartbeat_at = ?, stopped_at = ? WHERE node_id = ?")) {
            update.setLong(1, now);
            update.setLong(2, now);
            update.setString(3, nodeId);
            update.executeUpdate();
        }
    }

    /**
     * Forgets stopped nodes whose last heartbeat is older than {@code before}. A live node's own row is always newer,
     * so the newest heartbeat (the measure of a downtime) is never purged.
     */
    static int purge(Connection c, long before) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM cluster_nodes WHERE stopped_at IS NOT NULL AND heartbeat_at < ?")) {
            delete.setLong(1, before);
            return delete.executeUpdate();
        }
    }
}
