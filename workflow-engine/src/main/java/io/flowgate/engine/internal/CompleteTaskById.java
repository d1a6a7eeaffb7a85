package io.flowgate.engine.internal;

import io.flowgate.engine.FlowInstance;
import io.flowgate.engine.NoMatchingInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;

import java.time.Duration;
import java.util.Map;

/** Completes an open user task by its id (the task inbox). */
final class CompleteTaskById {

    private final EngineContext context;
    private final BudgetedCommand command;

    CompleteTaskById(EngineContext context, ReceivedMessages received) {
        this.context = context;
        this.command = new BudgetedCommand(context, received);
    }

    FlowInstance execute(String taskId, Map<String, Object> variables, Duration budget) {
        Map<String, Object> typed = context.codec().toEngine(variables == null ? Map.of() : variables);
        Task task = context.engine().getTaskService().createTaskQuery().taskId(taskId).singleResult();
        if (task == null || task.getProcessInstanceId() == null) {
            throw new NoMatchingInstance("no open task has the id '" + taskId + "'");
        }
        ProcessDefinition definition = context.engine().getRepositoryService()
                .getProcessDefinition(task.getProcessDefinitionId());
        return command.run(task.getProcessInstanceId(), definition.getKey(),
                () -> context.engine().getTaskService().complete(taskId, typed), budget, null);
    }
}
