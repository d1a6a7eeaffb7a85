package io.flowgate.engine.internal;

import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The JDBC connection of a running engine command, for our own rows (outbox events, kept messages) that must commit
 * and roll back with the command.
 *
 * <p>Why the explicit rollback: MyBatis rolls a session back only if it wrote through MyBatis itself, and a command
 * that fails before Camunda flushes (a start whose first connector throws, a correlation that finds nobody) has
 * not; closing the connection then resets auto-commit, which would commit our rows. So the connection is rolled
 * back whenever the command's transaction is.
 */
final class CommandConnection {

    private static final Logger LOG = LoggerFactory.getLogger(CommandConnection.class);

    private CommandConnection() {
    }

    /**
     * @param what what the caller writes, for the error when the connection is not transactional
     * @throws IllegalStateException when the engine's connection is in auto-commit mode
     */
    static Connection of(CommandContext command, String what) {
        Connection connection = command.getDbSqlSession().getSqlSession().getConnection();
        if (autoCommit(connection)) {
            throw new IllegalStateException("the engine's connection is in auto-commit mode; " + what
                    + " would not be part of the command's transaction");
        }
        command.getTransactionContext().addTransactionListener(TransactionState.ROLLINGBACK,
                context -> rollback(connection));
        return connection;
    }

    private static boolean autoCommit(Connection connection) {
        try {
            return connection.getAutoCommit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot use the engine's connection", e);
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // a connection that cannot roll back is broken and commits nothing either; the command's own failure
            // is the one to report, so only log here
            LOG.warn("cannot roll back our rows of a failed engine command: {}", e.toString());
        }
    }
}
