package io.flowgate.engine.internal;

import io.flowgate.engine.FlowFailed;
import io.flowgate.engine.FlowInstance;
import io.flowgate.engine.InvalidVariables;
import io.flowgate.engine.StartRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts the latest version of a flow within a budget. The start runs on a command thread; the caller waits first
 * for the instance id (handed over by the process-start listener), then for the first commit, then (unless it asked
 * for the commit only) for the instance to settle. If the budget ends before the commit, the caller gets the id
 * with state STARTING.
 */
final class StartFlow {

    /** Even with a zero budget the caller needs the id; past this the engine is considered stuck. */
    private static final Duration LONGEST_WAIT_FOR_ID = Duration.ofSeconds(60);

    private final EngineContext context;

    StartFlow(EngineContext context) {
        this.context = context;
    }

    FlowInstance execute(StartRequest request, Duration budget) {
        return start(request, budget, true);
    }

    /** Answers once the start has committed (or failed), without waiting for the instance to settle. */
    FlowInstance executeCommitted(StartRequest request, Duration wait) {
        return start(request, wait, false);
    }

    private FlowInstance start(StartRequest request, Duration budget, boolean settle) {
        if (request.flowKey() == null || request.flowKey().isBlank()) {
            throw new InvalidVariables("a flow key is required to start a flow");
        }
        Instant deadline = Instant.now().plus(budget == null ? Duration.ZERO : budget);
        Map<String, Object> variables = context.codec().toEngine(request.variables());
        ProcessDefinition definition = context.definitions().latest(request.flowKey());
        StartTicket ticket = new StartTicket(definition.getKey(), definition.getVersion(), request.businessKey(),
                request.tenantId(), request.initiator(), request.claimsBusinessKey());
        context.runner().submit(() -> run(ticket, definition.getId(), variables));
        String instanceId = awaitId(ticket);
        if (!awaitCommit(ticket, deadline)) {
            return context.reader().fromTicket(instanceId, ticket);
        }
        if (ticket.failure() != null) {
            throw ticket.failure();
        }
        if (ticket.endedInStart() != null) {
            // the whole instance ran in the start command: its variables came back with it, nothing to read back
            return ticket.endedInStart();
        }
        return settle ? context.settler().awaitSettled(instanceId, deadline)
                : context.reader().committed(instanceId, ticket);
    }


    private Void run(StartTicket ticket, String definitionId, Map<String, Object> variables) {
        IdentityService identity = context.engine().getIdentityService();
        context.tickets().bindToThread(ticket);
        identity.setAuthenticatedUserId(ticket.initiator);
        try {
            ProcessInstanceWithVariables instance = context.engine().getRuntimeService()
                    .createProcessInstanceById(definitionId).businessKey(ticket.businessKey)
                    .setVariables(variables).executeWithVariablesInReturn();
            if (instance.isEnded()) {
                // the variables as the instance ended (Camunda snapshots them at the end), the way its REST API
                // answers withVariablesInReturn
                context.tickets().committedEnded(ticket, context.reader().endedView(instance.getId(),
                        ticket.flowKey, ticket.flowVersion, ticket.businessKey, ticket.tenantId,
                        typed(instance.getVariables()), false, ticket.createdAt, Instant.now()));
            } else {
                context.tickets().committed(ticket, false);
            }
        } catch (RuntimeException failure) {
            // never committed: the instance id the caller may hold now only lives in the ticket
            context.tickets().failed(ticket,
                    context.keys().named(EngineExceptions.translateStart(failure, ticket)));
        } finally {
            identity.clearAuthentication();
            context.tickets().unbindFromThread();
        }
        return null;
    }

    private static Map<String, TypedValue> typed(VariableMap variables) {
        Map<String, TypedValue> typed = new LinkedHashMap<>();
        for (String name : variables.keySet()) {
            typed.put(name, variables.getValueTyped(name));
        }
        return typed;
    }

    private static String awaitId(StartTicket ticket) {
        try {
            CompletableFuture.anyOf(ticket.idFuture(), ticket.finishedFuture())
                    .get(LONGEST_WAIT_FOR_ID.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new FlowFailed("the engine did not start the flow within " + LONGEST_WAIT_FOR_ID.toSeconds()
                    + " s; it is overloaded", null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlowFailed("interrupted while starting the flow", null, null, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("start tickets never complete exceptionally", e);
        }
        if (ticket.instanceId() == null) {
            throw ticket.failure() != null ? ticket.failure()
                    : new FlowFailed("the flow started without an instance id", null, null, null);
        }
        return ticket.instanceId();
    }

    /** @return true when the start finished (committed or failed) before the deadline */
    private static boolean awaitCommit(StartTicket ticket, Instant deadline) {
        long remaining = Duration.between(Instant.now(), deadline).toMillis();
        try {
            ticket.finishedFuture().get(Math.max(0, remaining), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("start tickets never complete exceptionally", e);
        }
    }
}
