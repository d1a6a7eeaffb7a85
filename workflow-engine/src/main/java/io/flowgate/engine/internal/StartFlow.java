package io.flowgate.engine.internal;

import io.flowgate.engine.FlowFailed;
import io.flowgate.engine.FlowInstance;
import io.flowgate.engine.InstanceState;
import io.flowgate.engine.InvalidVariables;
import io.flowgate.engine.ReceivedMessage;
import io.flowgate.engine.StartRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts the latest version of a flow within a budget. The start runs on a command thread; the caller waits first
 * for the instance id (handed over by the process-start listener), then for the first commit, then (unless it asked
 * for the commit only) for the instance to settle. If the budget ends before the commit, the caller gets the id
 * with state STARTING.
 *
 * <p>A start with a key records it in its first transaction ({@link LifecycleParseListener}); a start whose key an
 * earlier start recorded runs nothing and answers with that earlier instance, as a start of it would now. Once the
 * start has committed, the caller is never told it failed: a failure after the commit (a listener, reading the
 * instance back) still answers with the committed instance.
 */
final class StartFlow {

    private static final Logger LOG = LoggerFactory.getLogger(StartFlow.class);

    /** Even with a zero budget the caller needs the id; past this the engine is considered stuck. */
    private static final Duration LONGEST_WAIT_FOR_ID = Duration.ofSeconds(60);

    private final EngineContext context;
    private final ReceivedMessages received;

    StartFlow(EngineContext context, ReceivedMessages received) {
        this.context = context;
        this.received = received;
    }

    /** @param key recorded with the start; null = none */
    FlowInstance execute(StartRequest request, Duration budget, ReceivedMessage key) {
        return start(request, budget, true, key);
    }

    /** Answers once the start has committed (or failed), without waiting for the instance to settle. */
    FlowInstance executeCommitted(StartRequest request, Duration wait, ReceivedMessage key) {
        return start(request, wait, false, key);
    }

    private FlowInstance start(StartRequest request, Duration budget, boolean settle, ReceivedMessage key) {
        if (request.flowKey() == null || request.flowKey().isBlank()) {
            throw new InvalidVariables("a flow key is required to start a flow");
        }
        Instant deadline = Instant.now().plus(budget == null ? Duration.ZERO : budget);
        Map<String, Object> variables = context.codec().toEngine(request.variables());
        ProcessDefinition definition = context.definitions().latest(request.flowKey());
        StartTicket ticket = new StartTicket(definition.getKey(), definition.getVersion(), request.businessKey(),
                request.tenantId(), request.initiator(), request.claimsBusinessKey(), key);
        context.runner().submit(() -> run(ticket, definition.getId(), variables));
        String instanceId = awaitId(ticket);
        if (ticket.duplicateOf() != null) {
            return earlier(ticket, settle, deadline);
        }
        if (instanceId == null) {
            throw ticket.failure() != null ? ticket.failure()
                    : new FlowFailed("the flow started without an instance id", null, null, null);
        }
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
        FlowInstance committed = context.reader().committedUnread(instanceId, ticket);
        return settle ? context.settler().awaitSettled(instanceId, deadline, committed)
                : context.reader().committed(instanceId, ticket);
    }

    /** The instance the earlier start with the ticket's key started, as a start of it would answer now. */
    private FlowInstance earlier(StartTicket ticket, boolean settle, Instant deadline) {
        String instanceId = received.committedEarlier(ticket.key, ticket.duplicateOf());
        LOG.info("a start of {} with an already recorded key ran nothing; answering from instance {}",
                ticket.flowKey, instanceId);
        FlowInstance committed = new FlowInstance(instanceId, ticket.flowKey, ticket.flowVersion, null,
                ticket.tenantId, InstanceState.RUNNING, List.of(), Map.of(), Optional.empty(), null, null);
        if (settle) {
            return context.settler().awaitSettled(instanceId, deadline, committed);
        }
        try {
            return context.reader().read(instanceId).orElse(committed);
        } catch (RuntimeException unreadable) {
            return committed;
        }
    }

    private Void run(StartTicket ticket, String definitionId, Map<String, Object> variables) {
        if (!ticket.begin()) {
            return null; // its caller gave up before a command thread was free: nothing is started
        }
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
            settleFailure(ticket, failure);
        } finally {
            identity.clearAuthentication();
            context.tickets().unbindFromThread();
        }
        return null;
    }

    private void settleFailure(StartTicket ticket, RuntimeException failure) {
        if (ticket.hasCommitted()) {
            // a listener after the commit, or the view of an instance that ended in its start: the instance exists
            // all the same, and the caller reads it from the database
            LOG.warn("the start of {} (instance {}) committed, then failed: {}", ticket.flowKey, ticket.instanceId(),
                    failure.toString());
            context.tickets().committed(ticket, false);
            return;
        }
        Optional<ReceivedMessages.DuplicateMessage> duplicate = ReceivedMessages.duplicate(failure);
        if (duplicate.isPresent()) {
            context.tickets().duplicate(ticket, duplicate.get());
            return;
        }
        // never committed: the instance id the caller may hold now only lives in the ticket
        context.tickets().failed(ticket, context.keys().named(EngineExceptions.translateStart(failure, ticket)));
    }

    private static Map<String, TypedValue> typed(VariableMap variables) {
        Map<String, TypedValue> typed = new LinkedHashMap<>();
        for (String name : variables.keySet()) {
            typed.put(name, variables.getValueTyped(name));
        }
        return typed;
    }

    /** The instance id, or null when the start finished without one (failed, or refused as a duplicate). */
    private static String awaitId(StartTicket ticket) {
        try {
            CompletableFuture.anyOf(ticket.idFuture(), ticket.finishedFuture())
                    .get(LONGEST_WAIT_FOR_ID.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (ticket.withdraw()) {
                throw new FlowFailed("the engine had not begun the start within " + LONGEST_WAIT_FOR_ID.toSeconds()
                        + " s, it is overloaded; the start was withdrawn and nothing was started", null, null, e);
            }
            // a command thread took it on just now: the id is handed over at its very beginning
            return awaitBegunStart(ticket);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (ticket.withdraw()) {
                throw new FlowFailed("interrupted before the start began; nothing was started", null, null, e);
            }
            throw new FlowFailed("interrupted while starting the flow; the start may still commit", null, null, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("start tickets never complete exceptionally", e);
        }
        return ticket.instanceId();
    }

    private static String awaitBegunStart(StartTicket ticket) {
        try {
            CompletableFuture.anyOf(ticket.idFuture(), ticket.finishedFuture())
                    .get(LONGEST_WAIT_FOR_ID.toMillis(), TimeUnit.MILLISECONDS);
            return ticket.instanceId();
        } catch (TimeoutException | ExecutionException e) {
            throw new FlowFailed("the engine began the start but gave it no instance id within "
                    + LONGEST_WAIT_FOR_ID.toSeconds() + " s; it may still commit", null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlowFailed("interrupted while starting the flow; the start may still commit", null, null, e);
        }
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
