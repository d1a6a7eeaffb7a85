package io.flowgate.engine.internal;

import io.flowgate.engine.ActivityView;
import io.flowgate.engine.FlowError;
import io.flowgate.engine.FlowFailed;
import io.flowgate.engine.FlowInstance;
import io.flowgate.engine.InstanceState;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an instance as the gateway sees it: from the runtime tables while it runs, from history once it ended,
 * from the start tickets while its first transaction has not committed (or failed).
 */
final class InstanceReader {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceReader.class);

    /** Reads of a running instance that fail while it keeps running, before the failure is passed on. */
    private static final int READ_ATTEMPTS = 3;

    private final RuntimeService runtime;
    private final HistoryService history;
    private final ManagementService management;
    private final VariableCodec codec;
    private final StartTickets tickets;

    InstanceReader(ProcessEngine engine, VariableCodec codec, StartTickets tickets) {
        this.runtime = engine.getRuntimeService();
        this.history = engine.getHistoryService();
        this.management = engine.getManagementService();
        this.codec = codec;
        this.tickets = tickets;
    }

    Optional<FlowInstance> read(String instanceId) {
        Optional<FlowInstance> stored = fromDatabase(instanceId);
        if (stored.isPresent()) {
            return stored;
        }
        Optional<StartTicket> ticket = tickets.find(instanceId);
        if (ticket.isPresent()) {
            return Optional.of(fromTicket(instanceId, ticket.get()));
        }
        return fromDatabase(instanceId); // the start may have committed between the two looks
    }

    /** Just the state, cheaply, for polling; empty when the database does not know the instance. */
    Optional<InstanceState> probe(String instanceId) {
        // the active state first, then whether the instance is still active: read the other way round, an instance
        // whose last job commits in between has no job left and looks WAITING though it has ended
        InstanceState active = activeState(instanceId);
        if (!stillActive(instanceId)) {
            return fromDatabase(instanceId).map(FlowInstance::state);
        }
        return Optional.of(active);
    }

    /**
     * A start that has committed, in its state now (cheaply: no variables, no activities); RUNNING when the state
     * cannot be read — the start has committed all the same, and its caller must not hear otherwise.
     */
    FlowInstance committed(String instanceId, StartTicket ticket) {
        try {
            return fromTicket(instanceId, ticket, probe(instanceId).orElse(InstanceState.RUNNING));
        } catch (RuntimeException unreadable) {
            LOG.warn("instance {} has committed but cannot be read now: {}", instanceId, unreadable.toString());
            return committedUnread(instanceId, ticket);
        }
    }

    /** What is known of a start that has committed without reading it: RUNNING, no variables, no activities. */
    FlowInstance committedUnread(String instanceId, StartTicket ticket) {
        return fromTicket(instanceId, ticket, InstanceState.RUNNING);
    }

    FlowInstance fromTicket(String instanceId, StartTicket ticket) {
        RuntimeException failure = ticket.failure();
        if (failure == null) {
            return fromTicket(instanceId, ticket, InstanceState.STARTING);
        }
        String activityId = failure instanceof FlowFailed failed ? failed.activityId() : null;
        FlowError error = new FlowError("flow-failed", failure.getMessage(), activityId);
        return new FlowInstance(instanceId, ticket.flowKey, ticket.flowVersion, ticket.businessKey,
                ticket.tenantId, InstanceState.FAILED, List.of(), Map.of(), Optional.of(error), null,
                ticket.failedAt());
    }

    /** What the ticket knows of a start that has not failed: no variables, no activities. */
    private static FlowInstance fromTicket(String instanceId, StartTicket ticket, InstanceState state) {
        return new FlowInstance(instanceId, ticket.flowKey, ticket.flowVersion, ticket.businessKey, ticket.tenantId,
                state, List.of(), Map.of(), Optional.empty(), null, null);
    }

    private Optional<FlowInstance> fromDatabase(String instanceId) {
        HistoricProcessInstance stored = history.createHistoricProcessInstanceQuery()
                .processInstanceId(instanceId).singleResult();
        if (stored == null) {
            return Optional.empty();
        }
        if (stored.getEndTime() == null) {
            Optional<FlowInstance> active = active(stored);
            if (active.isPresent()) {
                return active;
            }
            stored = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult();
        }
        return Optional.of(ended(stored));
    }

    /**
     * The running instance, or empty when it ended while it was being read (a job finished it): the caller then reads
     * history. Several queries make this view, and a job may commit between any two of them, so the order matters:
     * the state first (read after the variables, an instance ending in between would look WAITING), then the tree and
     * the variables, then whether the instance is still running — if not, whatever was read may mix the instance
     * before and after its end (variables half gone, a JSON value whose bytes were deleted), and only history tells
     * how it ended. A read that fails while the instance still runs (a job replaced a value being read) is tried again.
     */
    private Optional<FlowInstance> active(HistoricProcessInstance stored) {
        String id = stored.getId();
        for (int attempt = 1; ; attempt++) {
            try {
                InstanceState state = activeState(id);
                ActivityInstance tree = runtime.getActivityInstance(id);
                if (tree == null) {
                    return Optional.empty();
                }
                List<ActivityView> activities = new ArrayList<>();
                collectLeaves(tree, activities);
                Map<String, Object> variables = codec.visible(processVariables(id));
                if (!stillActive(id)) {
                    return Optional.empty();
                }
                return Optional.of(new FlowInstance(id, stored.getProcessDefinitionKey(), version(stored),
                        stored.getBusinessKey(), stored.getTenantId(), state, activities, variables,
                        Optional.empty(), instant(stored.getStartTime()), null));
            } catch (RuntimeException failure) {
                if (!stillActive(id)) {
                    return Optional.empty();
                }
                if (attempt == READ_ATTEMPTS) {
                    throw failure;
                }
            }
        }
    }

    private boolean stillActive(String instanceId) {
        return runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0;
    }

    /**
     * The process-level variables by a plain query: reading them through the execution
     * ({@code getVariablesTyped}) loads the execution entity and may flush an update of it, which collides with a
     * job advancing the same instance (OptimisticLockingException on a read).
     */
    private Map<String, TypedValue> processVariables(String instanceId) {
        Map<String, TypedValue> typed = new LinkedHashMap<>();
        for (VariableInstance variable : runtime.createVariableInstanceQuery().variableScopeIdIn(instanceId)
                .disableCustomObjectDeserialization().list()) {
            typed.put(variable.getName(), variable.getTypedValue());
        }
        return typed;
    }

    /** INCIDENT, RUNNING while asynchronous continuations wait to run, else WAITING. */
    InstanceState activeState(String instanceId) {
        if (runtime.createIncidentQuery().processInstanceId(instanceId).count() > 0) {
            return InstanceState.INCIDENT;
        }
        long pending = management.createJobQuery().processInstanceId(instanceId).messages().withRetriesLeft()
                .count();
        return pending > 0 ? InstanceState.RUNNING : InstanceState.WAITING;
    }

    private FlowInstance ended(HistoricProcessInstance stored) {
        Map<String, TypedValue> typed = new LinkedHashMap<>();
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                .processInstanceId(stored.getId()).disableCustomObjectDeserialization().list()) {
            // process-level variables only: local variables of inner scopes have their own activity instance
            if (stored.getId().equals(variable.getActivityInstanceId())) {
                typed.put(variable.getName(), variable.getTypedValue());
            }
        }
        boolean terminated = HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED.equals(stored.getState());
        return endedView(stored.getId(), stored.getProcessDefinitionKey(), version(stored), stored.getBusinessKey(),
                stored.getTenantId(), typed, terminated, instant(stored.getStartTime()), instant(stored.getEndTime()));
    }

    /**
     * An ended instance from its process-level variables: COMPLETED, ERROR (an error outcome or error variable) or
     * CANCELLED. Used for history reads and for instances that ended inside their start command.
     */
    FlowInstance endedView(String id, String flowKey, int version, String businessKey, String tenantId,
                           Map<String, TypedValue> typed, boolean terminated, Instant startedAt, Instant endedAt) {
        Object outcome = plain(typed.get(FlowErrors.OUTCOME_VARIABLE));
        Optional<FlowError> error = FlowErrors.parse(plain(typed.get(FlowErrors.ERROR_VARIABLE)));
        InstanceState state;
        if (FlowErrors.OUTCOME_CANCELLED.equals(outcome) || terminated) {
            state = InstanceState.CANCELLED;
            error = Optional.empty();
        } else {
            state = FlowErrors.OUTCOME_ERROR.equals(outcome) || error.isPresent() ? InstanceState.ERROR
                    : InstanceState.COMPLETED;
        }
        return new FlowInstance(id, flowKey, version, businessKey, tenantId, state, List.of(), codec.visible(typed),
                error, startedAt, endedAt);
    }

    private static void collectLeaves(ActivityInstance instance, List<ActivityView> into) {
        for (TransitionInstance transition : instance.getChildTransitionInstances()) {
            into.add(new ActivityView(transition.getActivityId(), transition.getActivityName(),
                    transition.getActivityType()));
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            if (child.getChildActivityInstances().length == 0 && child.getChildTransitionInstances().length == 0) {
                into.add(new ActivityView(child.getActivityId(), child.getActivityName(), child.getActivityType()));
            } else {
                collectLeaves(child, into);
            }
        }
    }

    private static Object plain(TypedValue value) {
        return value == null ? null : value.getValue();
    }

    /**
     * Camunda joins the version in from the definition, which is gone once its version was undeployed; the
     * definition id still says it ({@code key:version:uuid}, unless the key was too long for that form).
     */
    private static int version(HistoricProcessInstance stored) {
        if (stored.getProcessDefinitionVersion() != null) {
            return stored.getProcessDefinitionVersion();
        }
        String[] id = String.valueOf(stored.getProcessDefinitionId()).split(":");
        return id.length == 3 && id[1].matches("\\d{1,9}") ? Integer.parseInt(id[1]) : 0;
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
