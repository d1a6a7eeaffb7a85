package io.flowgate.engine.internal;

import io.flowgate.engine.CorrelateRequest;
import io.flowgate.engine.InvalidVariables;
import io.flowgate.engine.MessageReceipt;
import io.flowgate.engine.NoMatchingInstance;
import io.flowgate.engine.ReceivedMessage;
import io.flowgate.engine.internal.ReceivedMessages.Action;
import io.flowgate.engine.internal.ReceivedMessages.Outcome;
import org.camunda.bpm.engine.RuntimeService;

import java.util.Map;
import java.util.Optional;

/**
 * Correlates a received message to the one instance of a flow with the business key that waits for it, at most once
 * per message: the correlation and the message's row commit together. Runs on the caller's thread until that
 * transaction has committed.
 */
final class CorrelateOnce {

    private final EngineContext context;
    private final ReceivedMessages messages;

    CorrelateOnce(EngineContext context, ReceivedMessages messages) {
        this.context = context;
        this.messages = messages;
    }

    MessageReceipt execute(ReceivedMessage message, CorrelateRequest request) {
        if (request.flowKey() == null || request.messageName() == null || request.messageName().isBlank()) {
            throw new InvalidVariables("a flow key and a message name are required to correlate a message");
        }
        Map<String, Object> variables = context.codec().toEngine(request.variables());
        Optional<String> earlier = messages.earlier(message);
        if (earlier.isPresent()) {
            // the instance has moved on since: a redelivery must be recognised before looking for a waiting one
            return new MessageReceipt(earlier.get(), true, Optional.empty());
        }
        RuntimeService runtime = context.engine().getRuntimeService();
        // looked up before the transaction: "nobody waits yet" is common for events and should not fail a command
        String instanceId = CorrelateMessage.findWaiting(context.engine(), request).getProcessInstanceId();
        Outcome outcome;
        try {
            outcome = messages.once(message, request.flowKey(), Action.CORRELATE, () -> {
                runtime.createMessageCorrelation(request.messageName()).processInstanceId(instanceId)
                        .setVariables(variables).correlateWithResult();
                return instanceId;
            });
        } catch (RuntimeException failure) {
            // the instance stopped waiting in between: a MismatchingMessageCorrelationException → NoMatchingInstance
            throw EngineExceptions.translate(failure, request.flowKey(), instanceId);
        }
        if (outcome.duplicate()) {
            return new MessageReceipt(outcome.instanceId(), true, Optional.empty());
        }
        return new MessageReceipt(outcome.instanceId(), false, context.reader().read(outcome.instanceId()));
    }
}
