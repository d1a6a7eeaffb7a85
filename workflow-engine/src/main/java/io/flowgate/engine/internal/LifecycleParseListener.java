package io.flowgate.engine.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.ErrorEndEventActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds Flowgate's built-in listeners to every deployed process: the start listener that hands the new instance id
 * to the waiting caller (and records the key of its request, see {@link #started}), the signals that wake callers
 * when an instance reaches a wait state or ends, the bookkeeping of BPMN errors (raised at error end events, cleared
 * where caught, turned into the outcome at the end), and the unique business key a start claims and its end frees
 * ({@link BusinessKeys}).
 * Built-in listeners are not skipped by "skip custom listeners" and are not part of the model.
 */
final class LifecycleParseListener extends AbstractBpmnParseListener {

    private final StartTickets tickets;
    private final SettleSignals signals;
    private final BusinessKeys keys;

    LifecycleParseListener(StartTickets tickets, SettleSignals signals, BusinessKeys keys) {
        this.tickets = tickets;
        this.signals = signals;
        this.keys = keys;
    }

    @Override
    public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) this::started);
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) this::ended);
    }

    /**
     * The instance a start command creates first (not the ones its call activities start): its request's key, if
     * any, is recorded before any of the flow runs — so a concurrent start with the same key waits right here and is
     * refused once this one commits, having run nothing — and its ticket learns when the transaction commits, so a
     * failure after the commit is not taken for a failed start. Then its unique business key is claimed, still before
     * the caller hears the id: a refused start throws here, before its first activity. The request key comes first,
     * so a retry of the same request is answered from the first start rather than refused as a second one.
     */
    private void started(DelegateExecution execution) {
        String instanceId = execution.getProcessInstanceId();
        tickets.onThisThread().filter(ticket -> ticket.instanceId() == null).ifPresent(ticket -> {
            CommandContext command = Context.getCommandContext();
            if (ticket.key != null) {
                ReceivedMessages.record(CommandConnection.of(command, "a request key's row"), ticket.key,
                        ticket.flowKey, ReceivedMessages.Action.START, instanceId);
            }
            if (ticket.claimsBusinessKey) {
                keys.claim(execution, ticket);
            }
            command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                    committed -> ticket.transactionCommitted());
        });
        tickets.instanceStarted(instanceId);
    }

    private void ended(DelegateExecution execution) {
        FlowErrors.recordOutcome(execution);
        keys.release(execution);
        signals.fireAfterCommit(execution.getProcessInstanceId());
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        signalOnStart(activity);
    }

    @Override
    public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        signalOnStart(activity);
    }

    @Override
    public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        signalOnStart(activity);
    }

    @Override
    public void parseEventBasedGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
        signalOnStart(activity);
    }

    @Override
    public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof ErrorEndEventActivityBehavior behavior) {
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution ->
                    FlowErrors.record(execution, behavior.getErrorCode(), null, execution.getCurrentActivityId()));
        }
    }

    @Override
    public void parseBoundaryEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (element.element("errorEventDefinition") != null) {
            clearOnCatch(activity);
        }
    }

    @Override
    public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        // an error start event can only open an event subprocess: the error is caught there
        if (element.element("errorEventDefinition") != null && scope instanceof ActivityImpl) {
            clearOnCatch(activity);
        }
    }

    private void signalOnStart(ActivityImpl activity) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START,
                (ExecutionListener) execution -> signals.fireAfterCommit(execution.getProcessInstanceId()));
    }

    private static void clearOnCatch(ActivityImpl activity) {
        ExecutionListener clear = FlowErrors::clear;
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, clear);
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, clear);
    }
}
