package io.flowgate.engine.internal;

import io.flowgate.engine.AmbiguousMatch;
import io.flowgate.engine.CompleteTaskRequest;
import io.flowgate.engine.FlowInstance;
import io.flowgate.engine.InvalidVariables;
import io.flowgate.engine.NoMatchingInstance;
import io.flowgate.engine.ReceivedMessage;
import io.flowgate.engine.SeparationOfDuties;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Completes the one open user task with a definition key in the instance of a flow found by business key. */
final class CompleteTaskByKey {

    /** How many of the instances behind an ambiguous match are named, for an operator to resolve it. */
    static final int AMBIGUOUS_SHOWN = 10;

    private final EngineContext context;
    private final BudgetedCommand command;
    private final TaskViews views;

    CompleteTaskByKey(EngineContext context, TaskViews views, ReceivedMessages received) {
        this.context = context;
        this.command = new BudgetedCommand(context, received);
        this.views = views;
    }

    /**
     * @param key recorded with the completion; null = none. A request whose key an earlier completion recorded
     *            completes nothing and answers with that instance (found also once the task is done).
     */
    FlowInstance execute(CompleteTaskRequest request, Duration budget, ReceivedMessage key) {
        if (request.flowKey() == null || request.taskKey() == null) {
            throw new InvalidVariables("a flow key and a task key are required to complete a task");
        }
        BudgetedCommand.Key recorded = key == null ? null
                : new BudgetedCommand.Key(key, ReceivedMessages.Action.COMPLETE_TASK);
        Map<String, Object> variables = context.codec().toEngine(request.variables());
        Task task;
        try {
            task = findOpen(request);
        } catch (NoMatchingInstance none) {
            return command.earlier(recorded, request.flowKey(), budget, true).orElseThrow(() -> none);
        }
        if (views.of(task).forbidsCompletionBy(request.completedBy())) {
            throw new SeparationOfDuties(task.getId(), request.completedBy());
        }
        return command.run(task.getProcessInstanceId(), request.flowKey(),
                () -> complete(task, variables, request.completedBy()), budget, recorded);
    }

    /**
     * As the caller, so the task.completed event can say who completed it; in the task's tenant, since Camunda
     * confines an authenticated user to the tenants named with it.
     */
    private void complete(Task task, Map<String, Object> variables, String user) {
        IdentityService identity = context.engine().getIdentityService();
        identity.setAuthentication(user, null, task.getTenantId() == null ? null : List.of(task.getTenantId()));
        try {
            context.engine().getTaskService().complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    private Task findOpen(CompleteTaskRequest request) {
        TaskQuery query = context.engine().getTaskService().createTaskQuery()
                .processDefinitionKey(request.flowKey()).taskDefinitionKey(request.taskKey());
        if (request.businessKey() != null) {
            query.processInstanceBusinessKey(request.businessKey());
        }
        if (request.tenantId() != null) {
            query.tenantIdIn(request.tenantId());
        } else {
            query.withoutTenantId(); // a caller without tenant never reaches a tenant's tasks
        }
        List<Task> found = query.listPage(0, 2);
        String target = "task '" + request.taskKey() + "' in flow '" + request.flowKey() + "' with business key '"
                + request.businessKey() + "'";
        if (found.isEmpty()) {
            throw new NoMatchingInstance("no open " + target);
        }
        if (found.size() > 1) {
            long count = query.count();
            throw new AmbiguousMatch(count + " open tasks match " + target, count, query.listPage(0, AMBIGUOUS_SHOWN)
                    .stream().map(Task::getProcessInstanceId).distinct().toList());
        }
        return found.get(0);
    }
}
