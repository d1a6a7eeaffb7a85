package io.flowgate.engine.config;

import io.flowgate.engine.internal.nodes.NodeTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Whether a node named in something it left behind (an idempotency key it reserved, a lease) is gone: stopped,
 * found dead by another node, or silent for longer than the node timeout. A node unknown to {@code cluster_nodes} is
 * not taken for gone: it may heartbeat in another database (nodes sharing only Redis), so what it holds waits for its
 * own timeout. A read of one row, for the rare moment something held by another node is in the way — never on the
 * happy path.
 */
public final class NodeLiveness {

    private static final Logger LOG = LoggerFactory.getLogger(NodeLiveness.class);

    private final DataSource dataSource;
    private final NodeIdentity me;
    private final Duration timeout;
    private final Clock clock;

    public NodeLiveness(DataSource dataSource, NodeIdentity me, Duration timeout, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.me = Objects.requireNonNull(me, "me");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** This node's id, to name it as the holder of what it takes. */
    public String self() {
        return me.id();
    }

    /**
     * True when {@code nodeId} is certainly not running: what it holds may be taken over. This node is never gone;
     * when the table cannot be read the answer is false (wait for the holder's own timeout instead).
     */
    public boolean gone(String nodeId) {
        if (nodeId == null || nodeId.isEmpty() || nodeId.equals(me.id())) {
            return false;
        }
        try (Connection c = dataSource.getConnection()) {
            return NodeTable.find(c, nodeId).map(row -> !row.live(clock.millis(), timeout.toMillis())).orElse(false);
        } catch (SQLException e) {
            LOG.warn("cannot tell whether node {} is gone: {}", nodeId, e.toString());
            return false;
        }
    }
}
