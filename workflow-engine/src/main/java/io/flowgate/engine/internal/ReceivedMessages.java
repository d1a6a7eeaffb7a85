package io.flowgate.engine.internal;

import io.flowgate.connectors.storage.ModuleSchema;
import io.flowgate.engine.ReceivedMessage;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Exactly once per message: {@code flow_received_messages} holds one row per scope and message id, inserted with the
 * engine command's own JDBC connection, so the row and the start or correlation commit or roll back together.
 *
 * <p>Why a row and not a business-key query: the unique key makes it race-free. Two deliveries of one message
 * running at once (two nodes after a rebalance) both insert; the database lets one wait until the other commits and
 * then refuses it, so exactly one start commits. A query for an instance with the same business key sees nothing
 * uncommitted and lets both through; and a failed start rolls its row back, so the message can simply be tried again.
 */
final class ReceivedMessages {

    /** The action that ran, stored for operators reading the table. */
    enum Action { START, CORRELATE }

    /** What one delivery did. */
    record Outcome(String instanceId, boolean duplicate) {
    }

    /** A concurrent delivery of the same message committed first; this one's transaction must roll back. */
    static final class DuplicateMessage extends RuntimeException {
        DuplicateMessage(ReceivedMessage message, SQLException cause) {
            super("message " + message.id() + " of " + message.scope() + " was received concurrently", cause);
        }
    }

    private final CommandExecutor executor;

    ReceivedMessages(EngineContext context) {
        var configuration = (ProcessEngineConfigurationImpl) context.engine().getProcessEngineConfiguration();
        this.executor = configuration.getCommandExecutorTxRequired();
        ModuleSchema.migrate(configuration.getDataSource(), "inbox");
    }

    /**
     * Runs {@code act} (which returns the instance id) in one engine transaction with the message's row, unless an
     * earlier delivery left its row. Service calls inside {@code act} join the transaction.
     */
    Outcome once(ReceivedMessage message, String flowKey, Action action, Supplier<String> act) {
        try {
            return executor.execute(commandContext -> {
                Connection connection = CommandConnection.of(commandContext, "a received message's row");
                Optional<String> earlier = find(connection, message);
                if (earlier.isPresent()) {
                    return new Outcome(earlier.get(), true);
                }
                insert(connection, message, flowKey, action);
                String instanceId = act.get();
                assign(connection, message, instanceId);
                return new Outcome(instanceId, false);
            });
        } catch (DuplicateMessage raced) {
            return executor.execute(commandContext -> find(connection(commandContext), message)
                    .map(id -> new Outcome(id, true)).orElseThrow(() -> raced));
        }
    }

    /** The instance an earlier delivery of the message started or advanced, if one committed. */
    Optional<String> earlier(ReceivedMessage message) {
        return executor.execute(commandContext -> find(connection(commandContext), message));
    }

    private static Connection connection(CommandContext commandContext) {
        return commandContext.getDbSqlSession().getSqlSession().getConnection();
    }

    private static Optional<String> find(Connection connection, ReceivedMessage message) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT instance_id FROM flow_received_messages WHERE scope = ? AND message_id = ?")) {
            select.setString(1, message.scope());
            select.setString(2, message.id());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read received message " + message.id(), e);
        }
    }

    private static void insert(Connection connection, ReceivedMessage message, String flowKey, Action action) {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO flow_received_messages "
                + "(scope, message_id, flow_key, action, received_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, message.scope());
            insert.setString(2, message.id());
            insert.setString(3, flowKey);
            insert.setString(4, action.name());
            insert.setLong(5, System.currentTimeMillis());
            insert.executeUpdate();
        } catch (SQLException e) {
            // 23xxx: integrity constraint violation; the primary key is the only constraint
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new DuplicateMessage(message, e);
            }
            throw new IllegalStateException("cannot record received message " + message.id(), e);
        }
    }

    private static void assign(Connection connection, ReceivedMessage message, String instanceId) {
        try (PreparedStatement update = connection.prepareStatement("UPDATE flow_received_messages "
                + "SET instance_id = ? WHERE scope = ? AND message_id = ?")) {
            update.setString(1, instanceId);
            update.setString(2, message.scope());
            update.setString(3, message.id());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record received message " + message.id(), e);
        }
    }
}
