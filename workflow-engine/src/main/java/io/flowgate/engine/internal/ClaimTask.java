package io.flowgate.engine.internal;

import io.flowgate.engine.InvalidVariables;
import io.flowgate.engine.TaskAlreadyClaimed;
import io.flowgate.engine.TaskNotFound;
import io.flowgate.engine.UserTaskView;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;

/**
 * Makes a user the assignee of an open task. Who may claim is the caller's decision (candidate groups, tenant);
 * this only refuses to take a task away from another user.
 */
final class ClaimTask {

    private final EngineContext context;
    private final ReadTask readTask;

    ClaimTask(EngineContext context, ReadTask readTask) {
        this.context = context;
        this.readTask = readTask;
    }

    UserTaskView execute(String taskId, String userId) {
        if (userId == null || userId.isBlank()) {
            throw new InvalidVariables("a user id is required to claim a task");
        }
        UserTaskView task = readTask.execute(taskId).orElseThrow(() -> new TaskNotFound(taskId));
        if (userId.equals(task.assignee())) {
            return task;
        }
        if (task.assignee() != null) {
            throw new TaskAlreadyClaimed(taskId, task.assignee());
        }
        try {
            // Camunda's claim re-checks the assignee inside its transaction, so a concurrent claim loses cleanly
            context.engine().getTaskService().claim(taskId, userId);
        } catch (TaskAlreadyClaimedException raced) {
            throw new TaskAlreadyClaimed(taskId, raced.getTaskAssignee());
        }
        return readTask.execute(taskId).orElseThrow(() -> new TaskNotFound(taskId));
    }
}
