package io.flowgate.engine.internal;

import io.flowgate.engine.InvalidVariables;
import io.flowgate.engine.MessageReceipt;
import io.flowgate.engine.ReceivedMessage;
import io.flowgate.engine.StartRequest;
import io.flowgate.engine.internal.ReceivedMessages.Action;
import io.flowgate.engine.internal.ReceivedMessages.Outcome;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import java.util.Map;
import java.util.Optional;

/**
 * Starts the latest version of a flow for a received message, at most once per message. Runs on the caller's thread
 * (a consumer that has nothing else to do meanwhile) until the transaction, with the flow's synchronous part and the
 * message's row, has committed; there is no budget.
 */
final class StartOnce {

    private final EngineContext context;
    private final ReceivedMessages messages;

    StartOnce(EngineContext context, ReceivedMessages messages) {
        this.context = context;
        this.messages = messages;
    }

    MessageReceipt execute(ReceivedMessage message, StartRequest request) {
        if (request.flowKey() == null || request.flowKey().isBlank()) {
            throw new InvalidVariables("a flow key is required to start a flow");
        }
        Map<String, Object> variables = context.codec().toEngine(request.variables());
        ProcessDefinition definition = context.definitions().latest(request.flowKey());
        StartTicket ticket = new StartTicket(definition.getKey(), definition.getVersion(), request.businessKey(),
                request.tenantId(), request.initiator(), request.claimsBusinessKey(), null);
        IdentityService identity = context.engine().getIdentityService();
        // the ticket gives the new instance its tenant (StartTenantIdProvider) and lets readers see it while it runs
        context.tickets().bindToThread(ticket);
        identity.setAuthenticatedUserId(ticket.initiator);
        boolean[] ended = new boolean[1];
        Outcome outcome;
        try {
            outcome = messages.once(message, definition.getKey(), Action.START, () -> {
                ProcessInstance instance = context.engine().getRuntimeService()
                        .createProcessInstanceById(definition.getId()).businessKey(ticket.businessKey)
                        .setVariables(variables).execute();
                ended[0] = instance.isEnded();
                return instance.getId();
            });
        } catch (RuntimeException failure) {
            RuntimeException translated = context.keys().named(EngineExceptions.translateStart(failure, ticket));
            context.tickets().failed(ticket, translated);
            throw translated;
        } finally {
            identity.clearAuthentication();
            context.tickets().unbindFromThread();
        }
        if (outcome.duplicate()) {
            return new MessageReceipt(outcome.instanceId(), true, Optional.empty());
        }
        context.tickets().committed(ticket, ended[0]);
        return new MessageReceipt(outcome.instanceId(), false, context.reader().read(outcome.instanceId()));
    }

}
