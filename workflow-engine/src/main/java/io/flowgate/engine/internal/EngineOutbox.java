package io.flowgate.engine.internal;

import io.flowgate.connectors.events.Outbox;
import io.flowgate.connectors.events.OutboxEvent;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

import java.sql.SQLException;

/**
 * Writes an engine event to the outbox with the connection of the running engine command, so the row commits when
 * the command's transaction commits and disappears when it rolls back.
 * {@link CommandConnection} explains why that needs an explicit rollback.
 */
final class EngineOutbox {

    private EngineOutbox() {
    }

    /** @throws ProcessEngineException when the row cannot be written: the command fails with it */
    static void append(OutboxEvent event) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            throw new IllegalStateException(event.type() + " must be written inside an engine command");
        }
        try {
            Outbox.append(CommandConnection.of(command, event.type()), event);
        } catch (SQLException e) {
            throw new ProcessEngineException("cannot write " + event.type() + " to the outbox", e);
        }
    }
}
