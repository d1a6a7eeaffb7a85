package io.flowgate.engine.internal.nodes;

import io.flowgate.connectors.storage.ModuleSchema;
import io.flowgate.engine.config.NodeIdentity;
import io.flowgate.engine.config.NodeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * This node's life among the nodes sharing the database ({@code cluster_nodes}): it {@link #join joins} before its
 * job executor starts (recovering from a downtime of the whole cluster, see {@link ClusterRecovery#join}), then every
 * heartbeat interval writes its heartbeat, renews the locks of the jobs it still runs and takes over from nodes that
 * stopped heartbeating; at {@link #close} it releases what it still holds and says it stopped. Each round runs on a
 * thread of its own, apart from the job executor, so a node busy with long jobs still heartbeats.
 */
public final class NodeMembership implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeMembership.class);
    /** Stopped nodes are forgotten this long after their last heartbeat. */
    static final Duration RETENTION = Duration.ofDays(1);
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final NodeIdentity me;
    private final NodeSettings settings;
    private final NodeConnection db;
    private final ClusterRecovery recovery;
    private final Clock clock;
    private final ScheduledExecutorService rounds;
    private volatile Runnable jobsReleased = () -> { };
    private volatile long lastBeat;
    private long lastRenewal;
    private long lastPurge;
    private boolean failing;
    private boolean warnedDead;

    private NodeMembership(DataSource dataSource, NodeIdentity me, NodeSettings settings, Clock clock) {
        this.me = me;
        this.settings = settings;
        this.clock = clock;
        ModuleSchema.migrate(dataSource, "nodes");
        this.db = NodeConnection.open(dataSource);
        this.recovery = new ClusterRecovery(me, settings, clock);
        this.rounds = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "flowgate-node-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Creates this node's table (when missing) on the data source; nothing is written until {@link #join}. */
    public static NodeMembership open(DataSource dataSource, NodeIdentity me, NodeSettings settings, Clock clock) {
        return new NodeMembership(Objects.requireNonNull(dataSource, "dataSource"),
                Objects.requireNonNull(me, "me"), Objects.requireNonNull(settings, "settings"), clock);
    }

    /**
     * Registers this node (after recovering from a downtime of the whole cluster when that is what it finds) and
     * starts heartbeating. Call before the job executor starts; may wait up to the node timeout (see
     * {@link ClusterRecovery#join}).
     *
     * @param jobsReleased called after locks of dead nodes were released: jobs can be acquired at once
     */
    public void join(Runnable jobsReleased) {
        this.jobsReleased = Objects.requireNonNull(jobsReleased, "jobsReleased");
        try {
            recovery.join(db);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while node " + me.id() + " was joining", e);
        }
        long now = clock.millis();
        lastBeat = now;
        lastRenewal = now;
        lastPurge = now;
        LOG.info("This node is {}: it heartbeats every {}, a node silent for {} is taken for dead and its jobs run "
                        + "again elsewhere; job locks last {} and are renewed while their job runs{}", me.id(),
                settings.heartbeatInterval(), settings.timeout(), settings.jobLockTime(),
                db.exclusive() ? " (this database is open to this process only)" : "");
        long interval = settings.heartbeatInterval().toMillis();
        rounds.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
    }

    public NodeIdentity identity() {
        return me;
    }

    void round() {
        long now = clock.millis();
        try {
            beat(now);
            if (now - lastRenewal >= settings.lockRenewalInterval().toMillis()) {
                renewLocks(now);
                lastRenewal = now;
            }
            if (!db.exclusive()) {
                ClusterRecovery.Outcome taken = recovery.takeOverDeadNodes(db);
                if (taken.releasedLocks() > 0) {
                    jobsReleased.run();
                }
            }
            if (now - lastPurge >= RETENTION.toMillis() / 24) {
                db.autoCommit("cannot forget old nodes", c -> NodeTable.purge(c, now - RETENTION.toMillis()));
                lastPurge = now;
            }
            if (failing) {
                LOG.info("Heartbeat rounds of node {} work again", me.id());
                failing = false;
                warnedDead = false;
            }
        } catch (RuntimeException e) {
            complain(now, e);
        } catch (Error e) {
            // a scheduled task that throws is never run again: this node would fall silent while alive
            LOG.error("Heartbeat round of node {} failed", me.id(), e);
        }
    }

    private void beat(long now) {
        int beaten = db.autoCommit("cannot write the heartbeat", c -> NodeTable.beat(c, me.id(), now));
        if (beaten == 0) {
            // another node saw no heartbeat for the node timeout (this node was paused, or could not reach the
            // database): it released this node's job locks, so jobs still running here will fail to commit and
            // run again where they were taken
            LOG.warn("Node {} was taken for dead by another node after {} without a heartbeat; its job locks were "
                    + "released and it heartbeats again", me.id(), Duration.ofMillis(now - lastBeat));
            db.autoCommit("cannot write the heartbeat", c -> {
                NodeTable.revive(c, me, now);
                return null;
            });
        }
        lastBeat = now;
    }

    private void renewLocks(long now) {
        long lockTime = settings.jobLockTime().toMillis();
        db.autoCommit("cannot renew the job locks", c -> JobLocks.renew(c, me.id(), now + lockTime,
                now + lockTime / 2));
    }

    private void complain(long now, RuntimeException e) {
        if (!failing) {
            LOG.warn("Heartbeat round of node {} failed (it is tried again every {}): {}", me.id(),
                    settings.heartbeatInterval(), e.toString());
            failing = true;
        }
        if (!warnedDead && now - lastBeat > settings.timeout().toMillis()) {
            LOG.error("Node {} has not written a heartbeat for {}: other nodes take it for dead and run its jobs "
                    + "again", me.id(), Duration.ofMillis(now - lastBeat));
            warnedDead = true;
        }
    }

    /**
     * Stops heartbeating, releases the job locks this node still holds (none after a clean stop of the job executor,
     * which finishes what it acquired) and marks it stopped, so no node waits for its timeout. Call after the job
     * executor stopped and before the data source closes.
     */
    @Override
    public void close() {
        rounds.shutdownNow();
        try {
            if (!rounds.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.warn("a heartbeat round of node {} was still running at shutdown", me.id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            int released = db.transaction("cannot record that node " + me.id() + " stopped", c -> {
                int count = JobLocks.release(c, me.id());
                NodeTable.stop(c, me.id(), clock.millis());
                return count;
            });
            LOG.info("Node {} stopped{}", me.id(), released > 0 ? " and released " + released + " job lock(s)" : "");
        } catch (RuntimeException e) {
            LOG.warn("Node {} could not record its stop ({}); other nodes take it for dead after {}", me.id(),
                    e.toString(), settings.timeout());
        } finally {
            db.close();
        }
    }
}
