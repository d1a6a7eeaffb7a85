package io.flowgate.engine.internal;

import io.flowgate.engine.FlowInstance;
import io.flowgate.engine.InstanceQuery;
import io.flowgate.engine.InstanceState;
import io.flowgate.engine.Page;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;

import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Pages through instances, newest first, from history (which holds running and ended instances alike). States the
 * history tables do not hold directly are derived: COMPLETED/ERROR/CANCELLED from the outcome variable, RUNNING/WAITING from
 * the pending asynchronous jobs and open incidents.
 */
final class ListInstances {

    static final int MAX_PAGE_SIZE = 200;

    private final EngineContext context;

    ListInstances(EngineContext context) {
        this.context = context;
    }

    Page<FlowInstance> execute(InstanceQuery query) {
        int size = Math.max(1, Math.min(MAX_PAGE_SIZE, query.size()));
        int page = Math.max(0, query.page());
        Optional<HistoricProcessInstanceQuery> filtered = filtered(query);
        if (filtered.isEmpty()) {
            return new Page<>(List.of(), page, size, 0);
        }
        HistoricProcessInstanceQuery history = filtered.get();
        long total = history.count();
        List<FlowInstance> items = history.orderByProcessInstanceStartTime().desc().listPage(page * size, size)
                .stream().map(HistoricProcessInstance::getId).map(id -> context.reader().read(id))
                .flatMap(Optional::stream).toList();
        return new Page<>(items, page, size, total);
    }

    /** Empty when no instance can match (e.g. RUNNING while nothing is pending). */
    private Optional<HistoricProcessInstanceQuery> filtered(InstanceQuery query) {
        HistoricProcessInstanceQuery history = context.engine().getHistoryService()
                .createHistoricProcessInstanceQuery();
        if (query.flowKey() != null) {
            history.processDefinitionKey(query.flowKey());
        }
        if (query.businessKey() != null) {
            history.processInstanceBusinessKey(query.businessKey());
        }
        if (query.tenantId() != null) {
            history.tenantIdIn(query.tenantId());
        }
        // both bounds are inclusive in Camunda's query
        if (query.startedAfter() != null) {
            history.startedAfter(Date.from(query.startedAfter()));
        }
        if (query.startedBefore() != null) {
            history.startedBefore(Date.from(query.startedBefore()));
        }
        return query.state() == null ? Optional.of(history) : byState(history, query.state(), query.flowKey());
    }

    private Optional<HistoricProcessInstanceQuery> byState(HistoricProcessInstanceQuery history, InstanceState state,
                                                           String flowKey) {
        switch (state) {
            // the recorded outcomes are spelled like these states
            case COMPLETED, ERROR, CANCELLED -> history.finished().variableValueEquals(FlowErrors.OUTCOME_VARIABLE,
                    state.name());
            case INCIDENT -> {
                // historic incidents exist only at history level full: take the open ones from the runtime
                Set<String> stuck = withIncidents();
                if (stuck.isEmpty()) {
                    return Optional.empty();
                }
                history.unfinished().processInstanceIds(stuck);
            }
            case RUNNING -> {
                Set<String> running = pendingJobs(flowKey);
                running.removeAll(withIncidents());
                if (running.isEmpty()) {
                    return Optional.empty();
                }
                history.unfinished().processInstanceIds(running);
            }
            case WAITING -> {
                Set<String> busy = pendingJobs(flowKey);
                busy.addAll(withIncidents());
                history.unfinished();
                if (!busy.isEmpty()) {
                    history.processInstanceIdNotIn(busy.toArray(String[]::new));
                }
            }
            default -> {
                return Optional.empty(); // STARTING and FAILED instances are not stored
            }
        }
        return Optional.of(history);
    }

    private Set<String> pendingJobs(String flowKey) {
        JobQuery jobs = context.engine().getManagementService().createJobQuery().messages().withRetriesLeft();
        if (flowKey != null) {
            jobs.processDefinitionKey(flowKey);
        }
        return jobs.list().stream().map(Job::getProcessInstanceId).filter(id -> id != null)
                .collect(Collectors.toCollection(HashSet::new));
    }

    private Set<String> withIncidents() {
        return context.engine().getRuntimeService().createIncidentQuery().list().stream()
                .map(Incident::getProcessInstanceId).filter(id -> id != null)
                .collect(Collectors.toCollection(HashSet::new));
    }
}
