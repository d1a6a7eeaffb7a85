package io.flowgate.engine;

/** The task is claimed by another user; it must be unclaimed before someone else can claim it. */
public final class TaskAlreadyClaimed extends FlowException {

    private final String taskId;
    private final String assignee;

    public TaskAlreadyClaimed(String taskId, String assignee) {
        super("task '" + taskId + "' is already claimed by '" + assignee + "'");
        this.taskId = taskId;
        this.assignee = assignee;
    }

    public String taskId() {
        return taskId;
    }

    /** Who holds the task. */
    public String assignee() {
        return assignee;
    }

    @Override
    public String code() {
        return "task-claimed";
    }
}
