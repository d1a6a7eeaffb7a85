package io.flowgate.engine.internal.nodes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Postpones deadlines by the time Flowgate itself could not work on them. A deadline is a timer that races the flow's
 * own progress: a boundary timer on an activity or sub-process (Camunda's handler {@code timer-transition}) or the
 * timer start of an event sub-process ({@code timer-start-event-subprocess}), of any kind (duration, date, cycle).
 * While the node running an instance's job is dead, or the whole cluster is down, that progress stops but the clock
 * does not: without this, a payment deadline would cancel an order whose charge was merely waiting for a node.
 *
 * <p>Other timers are left alone: an intermediate timer ("wait ten minutes") or a timer start event ("every day at
 * 6") is not a race, it fires as soon as a node runs again.
 *
 * <p>Only timers that existed when progress stopped ({@code CREATE_TIME_} at or before it; none on timers written by
 * an older Camunda) and that were not yet due then ({@code DUEDATE_} after it) move, each by the same amount: as if
 * the clock had stood still while nothing ran.
 */
final class Deadlines {

    private static final String DEADLINES = "SELECT ID_, DUEDATE_ FROM ACT_RU_JOB WHERE TYPE_ = 'timer' "
            + "AND HANDLER_TYPE_ IN ('timer-transition', 'timer-start-event-subprocess') "
            + "AND DUEDATE_ > ? AND (CREATE_TIME_ IS NULL OR CREATE_TIME_ <= ?)";

    private Deadlines() {
    }

    /**
     * Postpones every deadline pending at {@code stoppedAt} by {@code byMillis} (the whole cluster was down). Nothing
     * ran since the crash, so every timer there is was written before it, including those written after the last
     * heartbeat ({@code stoppedAt}): an order placed a second before the crash gets its deadline postponed too.
     */
    static int postponeAll(Connection c, long stoppedAt, long byMillis) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(DEADLINES)) {
            select.setTimestamp(1, new Timestamp(stoppedAt));
            select.setTimestamp(2, new Timestamp(stoppedAt + byMillis));
            return postpone(c, select, byMillis, null);
        }
    }

    /**
     * Postpones the deadlines of the given root instances pending at {@code stoppedAt} by {@code byMillis}, skipping
     * timers a live job executor holds ({@code deadOwner} is the node whose jobs held these instances back).
     */
    static int postponeForInstances(Connection c, List<String> rootInstances, long stoppedAt, long byMillis,
                                    String deadOwner) throws SQLException {
        int postponed = 0;
        try (PreparedStatement select = c.prepareStatement(DEADLINES + " AND ROOT_PROC_INST_ID_ = ? "
                + "AND (LOCK_OWNER_ IS NULL OR LOCK_OWNER_ = ?)")) {
            for (String root : rootInstances) {
                select.setTimestamp(1, new Timestamp(stoppedAt));
                select.setTimestamp(2, new Timestamp(stoppedAt));
                select.setString(3, root);
                select.setString(4, deadOwner);
                postponed += postpone(c, select, byMillis, deadOwner);
            }
        }
        return postponed;
    }

    private static int postpone(Connection c, PreparedStatement select, long byMillis, String deadOwner)
            throws SQLException {
        List<String> ids = new ArrayList<>();
        List<Timestamp> due = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
                due.add(new Timestamp(rs.getTimestamp(2).getTime() + byMillis));
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        String sql = "UPDATE ACT_RU_JOB SET DUEDATE_ = ?, REV_ = REV_ + 1 WHERE ID_ = ?"
                + (deadOwner == null ? "" : " AND (LOCK_OWNER_ IS NULL OR LOCK_OWNER_ = ?)");
        try (PreparedStatement update = c.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                update.setTimestamp(1, due.get(i));
                update.setString(2, ids.get(i));
                if (deadOwner != null) {
                    update.setString(3, deadOwner);
                }
                update.addBatch();
            }
            int moved = 0;
            for (int count : update.executeBatch()) {
                moved += count > 0 || count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : 0;
            }
            return moved;
        }
    }
}
