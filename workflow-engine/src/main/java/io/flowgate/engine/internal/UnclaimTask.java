package io.flowgate.engine.internal;

import io.flowgate.engine.TaskNotFound;
import io.flowgate.engine.UserTaskView;

/** Gives an open task back to its candidate groups. Who may do so is the caller's decision. */
final class UnclaimTask {

    private final EngineContext context;
    private final ReadTask readTask;

    UnclaimTask(EngineContext context, ReadTask readTask) {
        this.context = context;
        this.readTask = readTask;
    }

    UserTaskView execute(String taskId) {
        UserTaskView task = readTask.execute(taskId).orElseThrow(() -> new TaskNotFound(taskId));
        if (task.assignee() == null) {
            return task;
        }
        context.engine().getTaskService().setAssignee(taskId, null);
        return readTask.execute(taskId).orElseThrow(() -> new TaskNotFound(taskId));
    }
}
