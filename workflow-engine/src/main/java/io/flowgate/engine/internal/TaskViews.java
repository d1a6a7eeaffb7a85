package io.flowgate.engine.internal;

import io.flowgate.engine.UserTaskView;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns Camunda tasks into {@link UserTaskView}s: candidate groups, the business key and initiator of their
 * instance (one history query for a whole page), and what the model declares (separation of duties, form fields).
 */
final class TaskViews {

    private final EngineContext context;
    private final DefinitionKeys definitions;
    private final UserTaskModels models;

    TaskViews(EngineContext context, DefinitionKeys definitions, UserTaskModels models) {
        this.context = context;
        this.definitions = definitions;
        this.models = models;
    }

    List<UserTaskView> of(List<Task> tasks) {
        Map<String, HistoricProcessInstance> instances = instances(tasks);
        TaskService taskService = context.engine().getTaskService();
        return tasks.stream().map(task -> view(taskService, task, instances.get(task.getProcessInstanceId())))
                .toList();
    }

    UserTaskView of(Task task) {
        return of(List.of(task)).get(0);
    }

    /** The initiator lives on the historic instance ({@code startUserId}); history level audit or full keeps it. */
    private Map<String, HistoricProcessInstance> instances(List<Task> tasks) {
        Set<String> ids = tasks.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, HistoricProcessInstance> byId = new HashMap<>();
        context.engine().getHistoryService().createHistoricProcessInstanceQuery().processInstanceIds(ids).list()
                .forEach(instance -> byId.put(instance.getId(), instance));
        return byId;
    }

    private UserTaskView view(TaskService tasks, Task task, HistoricProcessInstance instance) {
        List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).distinct().toList();
        UserTaskModels.Declared declared = models.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        return new UserTaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                task.getProcessInstanceId(), definitions.of(task.getProcessDefinitionId()),
                instance == null ? null : instance.getBusinessKey(), task.getAssignee(), groups,
                InstanceReader.instant(task.getCreateTime()), task.getTenantId(),
                instance == null ? null : instance.getStartUserId(),
                declared.separateFromInitiator(), declared.formFields());
    }
}
