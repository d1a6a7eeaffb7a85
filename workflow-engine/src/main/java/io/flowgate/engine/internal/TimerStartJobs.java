package io.flowgate.engine.internal;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs a change to flow definitions (deploy, suspend, activate, undeploy) in one engine transaction that first
 * locks the timer start jobs of the flows it touches.
 *
 * <p>Why: Camunda deletes or updates those jobs while the job executor may be firing them. A cycle timer that fires
 * often is rewritten constantly, so the change met a row that had moved on and failed with an optimistic locking
 * exception — the first redeploy meant to stop a flow firing every millisecond answered 500 about half the time.
 * With the rows locked first, a firing in flight finishes before the change reads them, and the next one waits
 * for the change to commit and then finds its job gone (the executor drops such a job quietly).
 */
final class TimerStartJobs {

    /** Camunda's job handler type of timer start events ({@code TimerStartEventJobHandler.TYPE}). */
    private static final String TIMER_START = "timer-start-event";
    /** Passes at most: each one that differs from the one before means a firing committed meanwhile. */
    private static final int MAX_PASSES = 10;

    private final ProcessEngineConfigurationImpl configuration;

    TimerStartJobs(EngineContext context) {
        this.configuration = (ProcessEngineConfigurationImpl) context.engine().getProcessEngineConfiguration();
    }

    /** Runs {@code change} (engine service calls join the transaction) once the flows' timer start jobs are locked. */
    <T> T lockedFor(Collection<String> flowKeys, Supplier<T> change) {
        return configuration.getCommandExecutorTxRequired().execute(commandContext -> {
            lock(commandContext, flowKeys);
            return change.get();
        });
    }

    private static void lock(CommandContext commandContext, Collection<String> flowKeys) {
        if (flowKeys.isEmpty()) {
            return;
        }
        Connection connection = CommandConnection.of(commandContext, "locking timer start jobs");
        // A pass that had to wait for a firing in flight sees its job gone but not always the job that replaced it
        // (a statement reads what had committed when it began): the rows are locked once two passes agree.
        Set<String> previous = null;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            Set<String> locked = lockOnce(connection, flowKeys);
            if (locked.equals(previous)) {
                return;
            }
            previous = locked;
        }
    }

    private static Set<String> lockOnce(Connection connection, Collection<String> flowKeys) {
        Set<String> locked = new HashSet<>();
        for (String flowKey : flowKeys) {
            try (PreparedStatement select = connection.prepareStatement("SELECT ID_ FROM ACT_RU_JOB "
                    + "WHERE HANDLER_TYPE_ = ? AND PROCESS_DEF_KEY_ = ? FOR UPDATE")) {
                select.setString(1, TIMER_START);
                select.setString(2, flowKey);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        locked.add(rs.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot lock the timer start jobs of flow '" + flowKey + "'", e);
            }
        }
        return locked;
    }
}
