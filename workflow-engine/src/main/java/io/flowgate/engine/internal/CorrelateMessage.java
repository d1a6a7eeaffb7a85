package io.flowgate.engine.internal;

import io.flowgate.engine.AmbiguousMatch;
import io.flowgate.engine.CorrelateRequest;
import io.flowgate.engine.FlowInstance;
import io.flowgate.engine.InvalidVariables;
import io.flowgate.engine.NoMatchingInstance;
import io.flowgate.engine.ReceivedMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ExecutionQuery;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Delivers a message to the one instance of a flow (any version) with the business key that waits for it (message
 * catch event, boundary event or receive task). Zero or several waiting executions: nothing is done.
 */
final class CorrelateMessage {

    private final EngineContext context;
    private final BudgetedCommand command;

    CorrelateMessage(EngineContext context, ReceivedMessages received) {
        this.context = context;
        this.command = new BudgetedCommand(context, received);
    }

    /**
     * @param key recorded with the correlation; null = none. A request whose key an earlier correlation recorded
     *            correlates nothing and answers with that instance (found also once it no longer waits).
     */
    FlowInstance execute(CorrelateRequest request, Duration budget, ReceivedMessage key) {
        BudgetedCommand.Key recorded = recorded(key);
        String instanceId;
        try {
            instanceId = waitingInstance(request);
        } catch (NoMatchingInstance none) {
            return command.earlier(recorded, request.flowKey(), budget, true).orElseThrow(() -> none);
        }
        return command.run(instanceId, request.flowKey(), correlation(request, instanceId), budget, recorded);
    }

    /** Correlates and answers once the correlation has committed, before the instance settles. */
    FlowInstance executeCommitted(CorrelateRequest request, Duration wait, ReceivedMessage key) {
        BudgetedCommand.Key recorded = recorded(key);
        String instanceId;
        try {
            instanceId = waitingInstance(request);
        } catch (NoMatchingInstance none) {
            return command.earlier(recorded, request.flowKey(), wait, false).orElseThrow(() -> none);
        }
        return command.runCommitted(instanceId, request.flowKey(), correlation(request, instanceId), wait, recorded);
    }

    private static BudgetedCommand.Key recorded(ReceivedMessage key) {
        return key == null ? null : new BudgetedCommand.Key(key, ReceivedMessages.Action.CORRELATE);
    }

    private String waitingInstance(CorrelateRequest request) {
        if (request.flowKey() == null || request.messageName() == null || request.messageName().isBlank()) {
            throw new InvalidVariables("a flow key and a message name are required to correlate a message");
        }
        return findWaiting(context.engine(), request).getProcessInstanceId();
    }

    private Runnable correlation(CorrelateRequest request, String instanceId) {
        Map<String, Object> variables = context.codec().toEngine(request.variables());
        return () -> context.engine().getRuntimeService().createMessageCorrelation(request.messageName())
                .processInstanceId(instanceId).setVariables(variables).correlateWithResult();
    }

    /**
     * The one execution that waits for the request's message, in the request's tenant or in the tenant of the
     * flow's instances with the business key ({@link InstanceTenant}).
     *
     * @throws NoMatchingInstance when none waits
     * @throws AmbiguousMatch     when several do, or the flow's instances with the key belong to several tenants
     */
    static Execution findWaiting(ProcessEngine engine, CorrelateRequest request) {
        String target = "flow '" + request.flowKey() + "' with business key '" + request.businessKey() + "'";
        CorrelateRequest scoped = InstanceTenant.resolve(engine.getHistoryService(), request)
                .orElseThrow(() -> new NoMatchingInstance("no instance of " + target + " exists (yet) to wait for "
                        + "the message '" + request.messageName() + "'"));
        ExecutionQuery query = waitingQuery(engine.getRuntimeService(), scoped);
        List<Execution> found = query.listPage(0, 2);
        if (found.isEmpty()) {
            throw new NoMatchingInstance("no instance of " + target + " waits for the message '"
                    + request.messageName() + "'");
        }
        if (found.size() > 1) {
            long count = query.count();
            throw new AmbiguousMatch(count + " waiting executions of " + target + " match the message '"
                    + request.messageName() + "'", count, query.listPage(0, CompleteTaskByKey.AMBIGUOUS_SHOWN)
                    .stream().map(Execution::getProcessInstanceId).distinct().toList());
        }
        return found.get(0);
    }

    /**
     * Executions of the flow (any version) with the business key, in exactly the request's tenant, that wait. For a
     * request that takes the tenant of its instance, resolve it first ({@link InstanceTenant}).
     */
    static ExecutionQuery waitingQuery(RuntimeService runtime, CorrelateRequest request) {
        if (request.tenantOfInstance()) {
            throw new IllegalArgumentException("resolve the tenant of the message's instance first");
        }
        ExecutionQuery query = runtime.createExecutionQuery()
                .processDefinitionKey(request.flowKey()).messageEventSubscriptionName(request.messageName());
        if (request.businessKey() != null) {
            query.processInstanceBusinessKey(request.businessKey());
        }
        if (request.tenantId() != null) {
            query.tenantIdIn(request.tenantId());
        } else {
            query.withoutTenantId(); // a caller without tenant never reaches a tenant's instances
        }
        return query;
    }
}
