package io.flowgate.engine.internal.nodes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * The job executor's locks in Camunda's {@code ACT_RU_JOB}: {@code LOCK_OWNER_} is the node id of the job executor
 * that acquired the job, {@code LOCK_EXP_TIME_} when another job executor may take it anyway. Camunda acquires only
 * jobs whose lock is absent or expired, and does not run an exclusive job of an instance while another exclusive job
 * of the same instance is locked — a dead node's lock therefore holds back every job of its instances (timers
 * included) until it is released or expires.
 *
 * <p>Releasing never touches {@code RETRIES_}: a job is charged a retry only when it fails, and a job abandoned by a
 * crash did not fail. Releasing bumps {@code REV_}, so should the owner still be running the job after all (a node
 * paused longer than the node timeout), its commit fails Camunda's optimistic lock instead of completing the job a
 * second time. Renewing does not bump it: the owner's own commit must go through.
 */
final class JobLocks {

    private JobLocks() {
    }

    /**
     * Extends the locks this node holds that expire before {@code renewBefore} to {@code until}, so a job running
     * longer than the lock time is not taken by another job executor while this node lives.
     */
    static int renew(Connection c, String owner, long until, long renewBefore) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE ACT_RU_JOB SET LOCK_EXP_TIME_ = ? WHERE LOCK_OWNER_ = ? AND LOCK_EXP_TIME_ < ?")) {
            update.setTimestamp(1, new Timestamp(until));
            update.setString(2, owner);
            update.setTimestamp(3, new Timestamp(renewBefore));
            return update.executeUpdate();
        }
    }

    /** The root process instances of the jobs {@code owner} holds. */
    static List<String> rootInstancesLockedBy(Connection c, String owner) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT DISTINCT ROOT_PROC_INST_ID_ FROM ACT_RU_JOB "
                + "WHERE LOCK_OWNER_ = ? AND ROOT_PROC_INST_ID_ IS NOT NULL")) {
            select.setString(1, owner);
            try (ResultSet rs = select.executeQuery()) {
                List<String> roots = new ArrayList<>();
                while (rs.next()) {
                    roots.add(rs.getString(1));
                }
                return roots;
            }
        }
    }

    /** Releases the locks {@code owner} holds, so any job executor acquires those jobs on its next round. */
    static int release(Connection c, String owner) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = NULL, "
                + "LOCK_EXP_TIME_ = NULL, REV_ = REV_ + 1 WHERE LOCK_OWNER_ = ?")) {
            update.setString(1, owner);
            return update.executeUpdate();
        }
    }

    /** Releases every lock held by a node of {@code cluster_nodes} (at start-up, when none of them is live). */
    static int releaseKnownOwners(Connection c) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = NULL, "
                + "LOCK_EXP_TIME_ = NULL, REV_ = REV_ + 1 WHERE LOCK_OWNER_ IN (SELECT node_id FROM cluster_nodes)")) {
            return update.executeUpdate();
        }
    }

    /**
     * Releases every lock, whoever took it (at start-up on a database no other process can open: every lock was
     * left by an earlier process, including one that ran before nodes heartbeated).
     */
    static int releaseAll(Connection c) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = NULL, "
                + "LOCK_EXP_TIME_ = NULL, REV_ = REV_ + 1 WHERE LOCK_OWNER_ IS NOT NULL")) {
            return update.executeUpdate();
        }
    }
}
