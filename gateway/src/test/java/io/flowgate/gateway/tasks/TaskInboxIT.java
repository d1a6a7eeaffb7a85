package io.flowgate.gateway.tasks;

import io.flowgate.engine.FlowInstance;
import io.flowgate.engine.InstanceState;
import io.flowgate.engine.StartRequest;
import io.flowgate.engine.TaskNotFound;
import io.flowgate.engine.UserTaskView;
import io.flowgate.engine.WorkflowEngine;
import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.GatewayServer.Reply;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.auth.CallerAttribute;
import io.flowgate.gateway.authz.AdminScope;
import io.flowgate.gateway.authz.Authorizer;
import io.flowgate.gateway.problem.GatewayProblem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The task inbox's access rules on the real gateway's {@link TaskController} and engine. The caller and its admin
 * scope (the gateway's own authorizer decides it) are put on the request as the pipeline does; only the anonymous
 * case goes over HTTP (the pipeline that authenticates {@code /api/**} is wired elsewhere).
 */
class TaskInboxIT {

    private static final String FLOW = "authz-expense-review";
    private static GatewayServer gateway;
    private static TaskController tasks;
    private static WorkflowEngine engine;
    private static Authorizer authorizer;

    private final Caller alice = caller("alice", "acme", "managers");
    private final Caller bob = caller("bob", "acme", "managers");
    private final Caller carol = caller("carol", "acme", "finance");
    private final Caller waiter = caller("walt", "acme", "waiters");
    private final Caller globex = caller("gina", "globex", "managers");
    private final Caller root = caller("root", null, "admin");

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start();
        Reply deployed = gateway.deployFlow("/io/flowgate/gateway/authz/expense-review.bpmn");
        assertThat(deployed.status()).as(deployed.toString()).isIn(200, 201);
        tasks = gateway.context().getBean(TaskController.class);
        engine = gateway.context().getBean(WorkflowEngine.class);
        authorizer = gateway.context().getBean(Authorizer.class);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** alice of acme asks for an expense; the approval waits for managers or finance. */
    private static UserTaskView requested(String tenant, String initiator) {
        FlowInstance instance = engine.start(new StartRequest(FLOW, UUID.randomUUID().toString(), Map.of(), tenant,
                initiator), Duration.ofSeconds(10));
        assertThat(instance.state()).isEqualTo(InstanceState.WAITING);
        return engine.tasks(io.flowgate.engine.TaskQuery.all(200)).stream()
                .filter(task -> task.instanceId().equals(instance.id())).findFirst().orElseThrow();
    }

    @Test
    void listsOnlyTasksOfTheCallersRolesAndTenant() {
        UserTaskView task = requested("acme", "alice");

        assertThat(ids(bob)).contains(task.id());
        assertThat(ids(carol)).contains(task.id());
        assertThat(ids(waiter)).doesNotContain(task.id());
        assertThat(ids(globex)).doesNotContain(task.id());
        assertThat(ids(root)).contains(task.id());
    }

    @Test
    void aClaimedTaskLeavesTheOthersInboxesAndStaysInTheAssignees() {
        UserTaskView task = requested("acme", "alice");

        UserTaskView claimed = tasks.claim(request(bob), task.id());

        assertThat(claimed.assignee()).isEqualTo("bob");
        assertThat(ids(bob)).contains(task.id());
        assertThat(ids(carol)).doesNotContain(task.id());
        assertThat(status(() -> tasks.claim(request(carol), task.id()))).isEqualTo(409);
        assertThat(status(() -> tasks.complete(request(carol), task.id(), Map.of()))).isEqualTo(409);
        assertThat(status(() -> tasks.unclaim(request(carol), task.id()))).isEqualTo(409);

        tasks.unclaim(request(bob), task.id());

        assertThat(ids(carol)).contains(task.id());
    }

    @Test
    void anotherTenantsTaskIsNotFoundWhateverTheAction() {
        UserTaskView task = requested("acme", "alice");

        assertThat(status(() -> tasks.claim(request(globex), task.id()))).isEqualTo(404);
        assertThat(status(() -> tasks.unclaim(request(globex), task.id()))).isEqualTo(404);
        assertThat(status(() -> tasks.complete(request(globex), task.id(), Map.of()))).isEqualTo(404);
        assertThatThrownBy(() -> tasks.claim(request(globex), task.id())).isInstanceOf(TaskNotFound.class);
        assertThatThrownBy(() -> tasks.claim(request(globex), "no-such-task")).isInstanceOf(TaskNotFound.class);
    }

    @Test
    void aCallerWithoutTheTasksGroupsIsForbidden() {
        UserTaskView task = requested("acme", "alice");

        assertThat(status(() -> tasks.claim(request(waiter), task.id()))).isEqualTo(403);
        assertThat(status(() -> tasks.complete(request(waiter), task.id(), Map.of()))).isEqualTo(403);
    }

    @Test
    void theInitiatorMayNotApproveTheirOwnRequest() {
        UserTaskView task = requested("acme", "alice");

        GatewayProblem refused = problem(() -> tasks.complete(request(alice), task.id(), Map.of("ok", true)));

        assertThat(refused.problem().status()).isEqualTo(403);
        assertThat(refused.problem().code()).isEqualTo("separation-of-duties");
        assertThat(refused.problem().detail()).contains("someone other than the user who started");
        assertThat(engine.task(task.id())).isPresent();

        Map<String, Object> done = tasks.complete(request(bob), task.id(), Map.of("ok", true));

        assertThat(String.valueOf(done.get("state"))).isEqualTo("COMPLETED");
    }

    @Test
    void thePlatformAdminWorksEveryTenantsTasksButIsStillSeparated() {
        UserTaskView acme = requested("acme", "alice");
        UserTaskView own = requested("globex", "root");

        assertThat(tasks.claim(request(root), acme.id()).assignee()).isEqualTo("root");
        assertThat(status(() -> tasks.complete(request(root), own.id(), Map.of()))).isEqualTo(403);
    }

    @Test
    void anAnonymousCallerIsAskedToAuthenticate() {
        assertThat(status(() -> tasks.list(HttpRequest.GET("/api/tasks"), null, null, null))).isEqualTo(401);

        Reply reply = gateway.anonymous().get("/api/tasks");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer realm=\"flowgate\"");
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    private static List<String> ids(Caller caller) {
        return tasks.list(request(caller), null, null, null).stream().map(UserTaskView::id).toList();
    }

    private static MutableHttpRequest<?> request(Caller caller) {
        MutableHttpRequest<?> request = HttpRequest.POST("/api/tasks", "");
        CallerAttribute.set(request, caller);
        request.setAttribute(AdminScope.ATTRIBUTE, authorizer.adminScope(caller));
        return request;
    }

    private static Caller caller(String user, String tenant, String... roles) {
        return new Caller(user, tenant, Set.of(roles), Map.of());
    }

    private static int status(Runnable action) {
        GatewayProblem problem = problem(action);
        return problem == null ? 200 : problem.problem().status();
    }

    /** Runs the action; the problem it would answer with (typed engine failures mapped as the gateway does). */
    private static GatewayProblem problem(Runnable action) {
        try {
            action.run();
            return null;
        } catch (GatewayProblem problem) {
            return problem;
        } catch (TaskNotFound notFound) {
            return GatewayProblem.notFound(notFound.getMessage());
        }
    }
}
