package io.flowgate.engine;

/** No open user task has this id. */
public final class TaskNotFound extends FlowException {

    private final String taskId;

    public TaskNotFound(String taskId) {
        super("no open task has the id '" + taskId + "'");
        this.taskId = taskId;
    }

    public String taskId() {
        return taskId;
    }

    @Override
    public String code() {
        return "task-not-found";
    }
}
