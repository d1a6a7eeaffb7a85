package io.flowgate.engine.internal;

import io.flowgate.engine.TaskQuery;
import io.flowgate.engine.UserTaskView;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import java.util.List;

/**
 * Open user tasks, newest first, with their candidate groups and the business key of their instance. A candidate
 * group matches only unclaimed tasks (Camunda's rule); the assignee filter matches claimed ones.
 */
final class ListTasks {

    private final EngineContext context;
    private final TaskViews views;

    ListTasks(EngineContext context, TaskViews views) {
        this.context = context;
        this.views = views;
    }

    List<UserTaskView> execute(TaskQuery query) {
        TaskService tasks = context.engine().getTaskService();
        List<Task> found = filtered(tasks, query).orderByTaskCreateTime().desc()
                .listPage(0, Math.max(1, query.maxResults()));
        return views.of(found);
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
}
