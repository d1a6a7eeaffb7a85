package io.flowgate.engine.internal.nodes;

import io.flowgate.engine.config.NodeIdentity;
import io.flowgate.engine.config.NodeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The two recoveries: a node joining after the whole cluster was down ({@link #join}), and a live node taking over
 * from a node that stopped heartbeating ({@link #takeOverDeadNodes}). Both release the job locks the dead held, so
 * their jobs run again at once, and postpone the deadlines that the dead held back ({@link Deadlines}). Both run
 * under the recovery lock, so of two nodes deciding at once one does the work and the other finds it done.
 */
final class ClusterRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterRecovery.class);

    /** What a recovery did. */
    record Outcome(int releasedLocks, int postponedDeadlines) {
        static final Outcome NOTHING = new Outcome(0, 0);

        Outcome plus(Outcome other) {
            return new Outcome(releasedLocks + other.releasedLocks, postponedDeadlines + other.postponedDeadlines);
        }
    }

    private final NodeIdentity me;
    private final long timeoutMillis;
    private final Duration poll;
    private final Clock clock;

    ClusterRecovery(NodeIdentity me, NodeSettings settings, Clock clock) {
        this.me = me;
        this.timeoutMillis = settings.timeout().toMillis();
        Duration half = settings.heartbeatInterval().dividedBy(2);
        this.poll = half.compareTo(Duration.ofMillis(250)) > 0 ? Duration.ofMillis(250) : half;
        this.clock = clock;
    }

    /**
     * Registers this node. When no other node is live — the whole cluster was down, or on a database only this
     * process can open — every lock the earlier nodes left is released and every deadline pending when the last of
     * them stopped heartbeating is postponed by the downtime. Before deciding that nobody is live on a shared
     * database, waits for each node that heartbeated recently to heartbeat again (it is live: the cluster is up) or
     * to fall silent for the node timeout (it is dead: typically this node's own predecessor, killed moments ago);
     * at most the node timeout.
     */
    Outcome join(NodeConnection db) throws InterruptedException {
        boolean exclusive = db.exclusive();
        if (!exclusive) {
            awaitVerdict(db);
        }
        return db.transaction("cannot register node " + me.id(), c -> {
            NodeTable.lockRecovery(c);
            long now = clock.millis();
            List<NodeTable.Row> rows = NodeTable.all(c);
            boolean othersLive = !exclusive && rows.stream().anyMatch(row -> row.live(now, timeoutMillis));
            Outcome outcome = othersLive ? Outcome.NOTHING : recoverDowntime(c, rows, now, exclusive);
            NodeTable.register(c, me, now);
            return outcome;
        });
    }

    private Outcome recoverDowntime(Connection c, List<NodeTable.Row> rows, long now, boolean exclusive)
            throws SQLException {
        OptionalLong lastAlive = rows.stream().mapToLong(NodeTable.Row::heartbeatAt).max();
        int postponed = 0;
        long downtime = lastAlive.isPresent() ? Math.max(0, now - lastAlive.getAsLong()) : 0;
        if (downtime > 0) {
            postponed = Deadlines.postponeAll(c, lastAlive.getAsLong(), downtime);
        }
        int released = exclusive ? JobLocks.releaseAll(c) : JobLocks.releaseKnownOwners(c);
        NodeTable.markAllStopped(c, now);
        if (lastAlive.isPresent()) {
            LOG.info("Node {} starts after {} during which no node of this database was alive: released {} job "
                    + "lock(s) left by earlier nodes and postponed {} deadline timer(s) by the downtime",
                    me.id(), Duration.ofMillis(downtime), released, postponed);
        } else if (released > 0) {
            LOG.info("Node {} released {} job lock(s) left by an earlier process", me.id(), released);
        }
        return new Outcome(released, postponed);
    }

    /** Waits until every node that heartbeated recently is known to be live or dead (see {@link #join}). */
    private void awaitVerdict(NodeConnection db) throws InterruptedException {
        Map<String, Long> undecided = new HashMap<>();
        long start = clock.millis();
        for (NodeTable.Row row : db.autoCommit("cannot read the nodes", NodeTable::all)) {
            if (row.live(start, timeoutMillis)) {
                undecided.put(row.id(), row.heartbeatAt());
            }
        }
        if (!undecided.isEmpty()) {
            LOG.info("Node {} waits up to {} to see whether {} is alive", me.id(), Duration.ofMillis(timeoutMillis),
                    undecided.keySet());
        }
        while (!undecided.isEmpty()) {
            Thread.sleep(poll.toMillis());
            long now = clock.millis();
            for (NodeTable.Row row : db.autoCommit("cannot read the nodes", NodeTable::all)) {
                Long seen = undecided.get(row.id());
                if (seen != null && row.heartbeatAt() > seen) {
                    return; // it heartbeated again: the cluster is up
                }
                if (seen != null && !row.live(now, timeoutMillis)) {
                    undecided.remove(row.id());
                }
            }
        }
    }

    /**
     * Releases the job locks of every node silent for longer than the node timeout and postpones the deadlines of
     * the instances its jobs held back by the time they were held back (from its last heartbeat to now).
     *
     * @return what was done; locks released mean jobs to acquire now
     */
    Outcome takeOverDeadNodes(NodeConnection db) {
        long seen = clock.millis();
        boolean anyDead = db.autoCommit("cannot read the nodes", NodeTable::all).stream()
                .anyMatch(row -> !row.id().equals(me.id()) && row.dead(seen, timeoutMillis));
        if (!anyDead) {
            return Outcome.NOTHING;
        }
        return db.transaction("cannot take over from dead nodes", c -> {
            NodeTable.lockRecovery(c);
            long now = clock.millis();
            Outcome outcome = Outcome.NOTHING;
            for (NodeTable.Row row : NodeTable.all(c)) {
                if (!row.id().equals(me.id()) && row.dead(now, timeoutMillis)) {
                    outcome = outcome.plus(takeOver(c, row, now));
                }
            }
            return outcome;
        });
    }

    private Outcome takeOver(Connection c, NodeTable.Row dead, long now) throws SQLException {
        long heldBack = Math.max(0, now - dead.heartbeatAt());
        List<String> instances = JobLocks.rootInstancesLockedBy(c, dead.id());
        int postponed = instances.isEmpty() ? 0
                : Deadlines.postponeForInstances(c, instances, dead.heartbeatAt(), heldBack, dead.id());
        int released = JobLocks.release(c, dead.id());
        NodeTable.markStopped(c, dead.id(), now);
        LOG.warn("Node {} has not heartbeated for {}: node {} takes it for dead, released its {} job lock(s) so they "
                + "run again here or on another node, and postponed {} deadline timer(s) of {} instance(s) by that "
                + "time", dead.id(), Duration.ofMillis(heldBack), me.id(), released, postponed, instances.size());
        return new Outcome(released, postponed);
    }
}
