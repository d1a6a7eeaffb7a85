package io.flowgate.engine.internal;

import io.flowgate.engine.CompletedTask;
import io.flowgate.engine.CompletedTaskQuery;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.impl.history.HistoryLevel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Completed user tasks from history, newest completion first, with their instances' business keys (one more query
 * for the whole page). Camunda marks a task that was completed with the delete reason {@code completed}; tasks of
 * cancelled instances carry another and are left out.
 */
final class ListCompletedTasks {

    /** Camunda's delete reason of a completed task ({@code TaskEntity.DELETE_REASON_COMPLETED}). */
    private static final String COMPLETED = "completed";

    private final EngineContext context;

    ListCompletedTasks(EngineContext context) {
        this.context = context;
    }

    List<CompletedTask> execute(CompletedTaskQuery query) {
        if (context.engine().getManagementService().getHistoryLevel() == HistoryLevel.HISTORY_LEVEL_NONE.getId()) {
            return List.of();
        }
        HistoryService history = context.engine().getHistoryService();
        List<HistoricTaskInstance> found = filtered(history.createHistoricTaskInstanceQuery(), query)
                .orderByHistoricTaskInstanceEndTime().desc().orderByTaskId().asc()
                .listPage(0, Math.max(1, query.maxResults()));
        Map<String, String> businessKeys = businessKeys(history, found);
        return found.stream().map(task -> new CompletedTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                task.getProcessInstanceId(), task.getProcessDefinitionKey(),
                businessKeys.get(task.getProcessInstanceId()), task.getAssignee(),
                InstanceReader.instant(task.getStartTime()), InstanceReader.instant(task.getEndTime()),
                task.getTenantId())).toList();
    }

    private static HistoricTaskInstanceQuery filtered(HistoricTaskInstanceQuery tasks, CompletedTaskQuery query) {
        tasks.finished().taskDeleteReason(COMPLETED);
        if (query.assignee() != null) {
            tasks.taskAssignee(query.assignee());
        }
        if (!query.allTenants()) {
            if (query.tenantId() == null) {
                tasks.withoutTenantId();
            } else {
                tasks.tenantIdIn(query.tenantId());
            }
        }
        return tasks;
    }

    private static Map<String, String> businessKeys(HistoryService history, List<HistoricTaskInstance> tasks) {
        Set<String> ids = tasks.stream().map(HistoricTaskInstance::getProcessInstanceId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, String> keys = new HashMap<>();
        if (!ids.isEmpty()) {
            for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                    .processInstanceIds(ids).list()) {
                if (instance.getBusinessKey() != null) {
                    keys.put(instance.getId(), instance.getBusinessKey());
                }
            }
        }
        return keys;
    }
}
