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
import java.time.Duration;
import java.time.Instant;
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
    enum Action { START, CORRELATE, COMPLETE_TASK }

    /** What one delivery did. */
    record Outcome(String instanceId, boolean duplicate) {
    }

    /** A concurrent delivery of the same message committed first; this one's transaction must roll back. */
    static final class DuplicateMessage extends RuntimeException {
        DuplicateMessage(ReceivedMessage message, SQLException cause) {
            super("message " + message.id() + " of " + message.scope() + " was received concurrently", cause);
        }
    }

    /** How long the row of a delivery that won a race may take to become visible to the one it refused. */
    private static final Duration EARLIER_VISIBLE_WITHIN = Duration.ofSeconds(5);

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
                record(connection, message, flowKey, action, null);
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

    /**
     * The instance of the delivery that {@link #record recorded} the message first, for one that was refused as a
     * duplicate: that delivery has committed (the database refused the second row only then), but a reader may see
     * its row a moment later than the refusal, so it is looked for a little while.
     */
    String committedEarlier(ReceivedMessage message, DuplicateMessage refused) {
        long deadline = System.nanoTime() + EARLIER_VISIBLE_WITHIN.toNanos();
        while (true) {
            Optional<String> earlier = earlier(message);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            if (System.nanoTime() > deadline) {
                throw refused;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw refused;
            }
        }
    }

    /**
     * Inserts the message's row with the instance it starts or advances, on the connection of the running command;
     * the only write on the happy path.
     *
     * @throws DuplicateMessage when an earlier delivery recorded it (the transaction must roll back)
     */
    static void record(Connection connection, ReceivedMessage message, String flowKey, Action action,
                       String instanceId) {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO flow_received_messages "
                + "(scope, message_id, flow_key, action, instance_id, received_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, message.scope());
            insert.setString(2, message.id());
            insert.setString(3, flowKey);
            insert.setString(4, action.name());
            insert.setString(5, instanceId);
            insert.setLong(6, System.currentTimeMillis());
            insert.executeUpdate();
        } catch (SQLException e) {
            // 23xxx: integrity constraint violation; the primary key is the only constraint
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                throw new DuplicateMessage(message, e);
            }
            throw new IllegalStateException("cannot record received message " + message.id(), e);
        }
    }

    /** Deletes the rows of {@code scope} received before {@code before}; returns how many. */
    int forget(String scope, Instant before) {
        return executor.execute(commandContext -> {
            try (PreparedStatement delete = connection(commandContext).prepareStatement(
                    "DELETE FROM flow_received_messages WHERE scope = ? AND received_at < ?")) {
                delete.setString(1, scope);
                delete.setLong(2, before.toEpochMilli());
                return delete.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot forget the received messages of " + scope, e);
            }
        });
    }

    /** Whether {@code failure} is, or was caused by, the refusal of a duplicate. */
    static Optional<DuplicateMessage> duplicate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DuplicateMessage duplicate) {
                return Optional.of(duplicate);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
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
