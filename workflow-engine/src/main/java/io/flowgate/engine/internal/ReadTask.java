package io.flowgate.engine.internal;

import io.flowgate.engine.UserTaskView;
import org.camunda.bpm.engine.task.Task;

import java.util.Optional;

/** One open user task by id, as the inbox shows it. */
final class ReadTask {

    private final EngineContext context;
    private final TaskViews views;

    ReadTask(EngineContext context, TaskViews views) {
        this.context = context;
        this.views = views;
    }

    Optional<UserTaskView> execute(String taskId) {
        if (taskId == null || taskId.isBlank()) {
            return Optional.empty();
        }
        Task task = context.engine().getTaskService().createTaskQuery().taskId(taskId).active().singleResult();
        return task == null || task.getProcessInstanceId() == null ? Optional.empty() : Optional.of(views.of(task));
    }
}
