package io.flowgate.engine.internal;

import io.flowgate.engine.TaskQuery;
import io.flowgate.engine.UserTaskView;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Open user tasks, newest first, with their candidate groups and the business key of their instance. */
final class ListTasks {

    private final EngineContext context;
    private final DefinitionKeys definitions;

    ListTasks(EngineContext context, DefinitionKeys definitions) {
        this.context = context;
        this.definitions = definitions;
    }

    List<UserTaskView> execute(TaskQuery query) {
        TaskService tasks = context.engine().getTaskService();
        List<Task> found = filtered(tasks, query).orderByTaskCreateTime().desc()
                .listPage(0, Math.max(1, query.maxResults()));
        Map<String, String> businessKeys = businessKeys(found);
        return found.stream().map(task -> view(tasks, task, businessKeys.get(task.getProcessInstanceId()))).toList();
    }

    private static org.camunda.bpm.engine.task.TaskQuery filtered(TaskService tasks, TaskQuery query) {
        var filtered = tasks.createTaskQuery().active();
        boolean groups = query.candidateGroups() != null && !query.candidateGroups().isEmpty();
        if (groups && query.assignee() != null) {
            filtered.or().taskCandidateGroupIn(query.candidateGroups()).taskAssignee(query.assignee()).endOr();
        } else if (groups) {
            filtered.taskCandidateGroupIn(query.candidateGroups());
        } else if (query.assignee() != null) {
            filtered.taskAssignee(query.assignee());
        }
        if (query.tenantId() != null) {
            filtered.tenantIdIn(query.tenantId());
        }
        if (query.instanceId() != null) {
            filtered.processInstanceId(query.instanceId());
        }
        return filtered;
    }

    private Map<String, String> businessKeys(List<Task> tasks) {
        Set<String> ids = tasks.stream().map(Task::getProcessInstanceId).filter(id -> id != null)
                .collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return context.engine().getRuntimeService().createProcessInstanceQuery().processInstanceIds(ids).list()
                .stream().filter(instance -> instance.getBusinessKey() != null)
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey, (a, b) -> a));
    }

    private UserTaskView view(TaskService tasks, Task task, String businessKey) {
        List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).distinct().toList();
        return new UserTaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                task.getProcessInstanceId(), definitions.of(task.getProcessDefinitionId()), businessKey,
                task.getAssignee(), groups, InstanceReader.instant(task.getCreateTime()), task.getTenantId());
    }
}
