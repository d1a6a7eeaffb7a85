package io.flowgate.gateway.tasks;

import io.flowgate.engine.FlowInstance;
import io.flowgate.engine.TaskQuery;
import io.flowgate.engine.UserTaskView;
import io.flowgate.engine.WorkflowEngine;
import io.flowgate.gateway.instances.InstanceViews;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code /api/tasks}: the task inbox — list open user tasks, complete one with variables. */
// consumes anything: a built-in route must never lose to the contract catch-all over a content type
@Consumes(MediaType.ALL)
@Controller("/api/tasks")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TaskController {

    public static final int MAX_TASKS = 200;
    /** How long completing a task waits for the flow to settle before answering with the instance as it stands. */
    public static final Duration COMPLETE_BUDGET = Duration.ofSeconds(5);

    private final WorkflowEngine engine;

    public TaskController(WorkflowEngine engine) {
        this.engine = engine;
    }

    @Get
    public List<UserTaskView> list(@QueryValue @Nullable String candidateGroup,
                                          @QueryValue @Nullable String assignee,
                                          @QueryValue @Nullable String instanceId) {
        List<String> groups = candidateGroup == null ? null : List.of(candidateGroup);
        return engine.tasks(new TaskQuery(groups, assignee, null, instanceId, MAX_TASKS));
    }

    /** Body: a JSON object whose properties become process variables. */
    @Post("/{id}/complete")
    public Map<String, Object> complete(String id, @Body @Nullable Map<String, Object> variables) {
        FlowInstance instance = engine.completeTask(id, variables == null ? Map.of() : variables, COMPLETE_BUDGET);
        return InstanceViews.summary(instance);
    }

}
