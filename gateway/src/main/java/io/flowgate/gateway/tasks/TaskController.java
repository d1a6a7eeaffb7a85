package io.flowgate.gateway.tasks;

import io.flowgate.engine.CompletedTask;
import io.flowgate.engine.CompletedTaskQuery;
import io.flowgate.engine.FlowInstance;
import io.flowgate.engine.TaskAlreadyClaimed;
import io.flowgate.engine.TaskNotFound;
import io.flowgate.engine.TaskQuery;
import io.flowgate.engine.UserTaskView;
import io.flowgate.engine.WorkflowEngine;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.auth.CallerAttribute;
import io.flowgate.gateway.authz.AdminScope;
import io.flowgate.gateway.authz.AuthzProblems;
import io.flowgate.gateway.authz.RequiredScope;
import io.flowgate.gateway.authz.Scope;
import io.flowgate.gateway.instances.InstanceViews;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.InvalidParameter;
import io.flowgate.gateway.problem.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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

/**
 * {@code /api/tasks}: the caller's task inbox — list the tasks the caller may work, read one with its instance's
 * variables, claim, unclaim, complete — and the tasks the caller completed ({@code /api/tasks/history}). The
 * caller is the {@link CallerAttribute} the pipeline leaves on the request; without one the answer is 401. Access
 * rules: {@link TaskAccess}; another tenant's task answers 404, never its data.
 */
// consumes anything: a built-in route must never lose to the contract catch-all over a content type
@Consumes(MediaType.ALL)
@RequiredScope(Scope.AUTHENTICATED)
@Controller("/api/tasks")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TaskController {

    public static final int MAX_TASKS = 200;
    /** Completed tasks listed when {@code limit} is not given. */
    public static final int DEFAULT_HISTORY = 50;
    /** How long completing a task waits for the flow to settle before answering with the instance as it stands. */
    public static final Duration COMPLETE_BUDGET = Duration.ofSeconds(5);

    private final WorkflowEngine engine;

    public TaskController(WorkflowEngine engine) {
        this.engine = engine;
    }

    /**
     * The tasks the caller may work, newest first: assigned to the caller, or unclaimed in one of the caller's roles,
     * in the caller's tenant. The platform admin lists every tenant's tasks. The parameters only narrow the list.
     */
    @Get
    public List<UserTaskView> list(HttpRequest<?> request, @QueryValue @Nullable String candidateGroup,
                                   @QueryValue @Nullable String assignee, @QueryValue @Nullable String instanceId) {
        Caller caller = authenticated(request);
        AdminScope scope = AdminScope.of(request);
        if (scope.platform()) {
            List<String> groups = candidateGroup == null ? null : List.of(candidateGroup);
            return engine.tasks(new TaskQuery(groups, assignee, null, instanceId, MAX_TASKS));
        }
        if (candidateGroup != null && !caller.hasRole(candidateGroup)
                || assignee != null && !assignee.equals(caller.subject())) {
            return List.of();
        }
        List<String> groups = candidateGroup != null ? List.of(candidateGroup)
                : caller.roles().stream().sorted().toList();
        // a group query finds only unclaimed tasks; the caller's own claimed ones come through the assignee
        String mine = candidateGroup != null && assignee == null ? null : caller.subject();
        List<String> byGroup = assignee != null && candidateGroup == null ? List.of() : groups;
        return engine.tasks(new TaskQuery(byGroup, mine, caller.tenant(), instanceId, MAX_TASKS)).stream()
                .filter(task -> TaskAccess.visible(caller, scope, task)).toList();
    }

    /**
     * The tasks the caller completed — held them when they were completed — newest first, from the engine's
     * history. The platform admin sees everyone's in every tenant; others only their own in their tenant. A task
     * completed without being claimed has no assignee and is in no one's list but the platform admin's.
     */
    @Get("/history")
    public List<CompletedTask> history(HttpRequest<?> request, @QueryValue @Nullable String limit) {
        Caller caller = authenticated(request);
        int max = InvalidParameter.wholeNumber("limit", limit, DEFAULT_HISTORY, 1, MAX_TASKS);
        return engine.completedTasks(AdminScope.of(request).platform() ? CompletedTaskQuery.everyone(max)
                : CompletedTaskQuery.completedBy(caller.subject(), caller.tenant(), max));
    }

    /**
     * One open task with its instance's variables, when the inbox would list it to the caller
     * ({@link TaskAccess#read}): 404 for another tenant's task as for an unknown id, 403 when it is offered to none
     * of the caller's roles, 409 when another user holds it.
     */
    @Get("/{id}")
    public TaskDetails read(HttpRequest<?> request, String id) {
        Caller caller = authenticated(request);
        UserTaskView task = openTask(id);
        check(TaskAccess.read(caller, AdminScope.of(request), task), id, "see");
        return new TaskDetails(task, engine.instance(task.instanceId()).map(FlowInstance::variables)
                .orElse(Map.of()));
    }

    /** Makes the caller the task's assignee; 409 when another user holds it. */
    @Post("/{id}/claim")
    public UserTaskView claim(HttpRequest<?> request, String id) {
        Caller caller = authenticated(request);
        check(TaskAccess.work(caller, AdminScope.of(request), openTask(id)), id, "claim");
        try {
            return engine.claim(id, caller.subject());
        } catch (TaskAlreadyClaimed claimed) {
            throw claimedByOther(claimed.taskId(), claimed.assignee());
        }
    }

    /** Gives the task back to its candidate groups: its assignee may, and the platform admin. */
    @Post("/{id}/unclaim")
    public UserTaskView unclaim(HttpRequest<?> request, String id) {
        Caller caller = authenticated(request);
        check(TaskAccess.release(caller, AdminScope.of(request), openTask(id)), id, "unclaim");
        return engine.unclaim(id);
    }

    /**
     * Body: a JSON object whose properties become process variables. The initiator of the instance may not complete
     * a task marked {@code flowgate.separateFrom = initiator}.
     */
    @Post("/{id}/complete")
    public Map<String, Object> complete(HttpRequest<?> request, String id,
                                        @Body @Nullable Map<String, Object> variables) {
        Caller caller = authenticated(request);
        UserTaskView task = openTask(id);
        check(TaskAccess.work(caller, AdminScope.of(request), task), id, "complete");
        if (task.forbidsCompletionBy(caller.subject())) {
            throw AuthzProblems.forbidden("separation-of-duties", "task '" + task.taskKey() + "' of flow '"
                    + task.flowKey() + "' must be completed by someone other than the user who started the "
                    + "instance (" + caller.subject() + ")");
        }
        FlowInstance instance = engine.completeTask(id, variables == null ? Map.of() : variables, COMPLETE_BUDGET);
        return InstanceViews.summary(instance);
    }

    private static Caller authenticated(HttpRequest<?> request) {
        Caller caller = CallerAttribute.get(request);
        if (!caller.authenticated()) {
            throw AuthzProblems.unauthenticated();
        }
        return caller;
    }

    private UserTaskView openTask(String id) {
        return engine.task(id).orElseThrow(() -> new TaskNotFound(id));
    }

    private void check(TaskAccess.Verdict verdict, String id, String action) {
        switch (verdict) {
            case ALLOWED -> {
            }
            // the same answer as for a task that does not exist: another tenant's ids reveal nothing
            case NOT_FOUND -> throw new TaskNotFound(id);
            case FORBIDDEN -> throw AuthzProblems.forbidden(AuthzProblems.FORBIDDEN, "you may not " + action
                    + " task '" + id + "': it is neither assigned to you nor offered to one of your roles");
            case CLAIMED_BY_OTHER -> throw claimedByOther(id, engine.task(id).map(UserTaskView::assignee)
                    .orElse("another user"));
        }
    }

    private static GatewayProblem claimedByOther(String id, String assignee) {
        return new GatewayProblem(Problem.of(409, "task-claimed", "Task claimed",
                "task '" + id + "' is claimed by " + assignee + "; it must be unclaimed first")
                .with("assignee", assignee));
    }
}
