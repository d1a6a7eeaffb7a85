package io.flowgate.gateway.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.engine.FlowInstance;
import io.flowgate.engine.InstanceState;
import io.flowgate.engine.StartRequest;
import io.flowgate.engine.TaskQuery;
import io.flowgate.engine.WorkflowEngine;
import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTP with real users: one task with its form and its instance's variables ({@code GET /api/tasks/{id}}), and
 * the tasks a caller completed ({@code GET /api/tasks/history}). Instances are started on the engine, in the tenant
 * a test needs.
 */
class TaskDetailsIT {

    private static final String FLOW = "refund-desk";
    private static GatewayServer gateway;
    private static WorkflowEngine engine;
    private static GatewayServer bob;
    private static GatewayServer dan;
    private static GatewayServer carol;
    private static GatewayServer gina;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start();
        Reply deployed = gateway.deployFlow("/io/flowgate/gateway/tasks/refund-desk.bpmn");
        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
        engine = gateway.context().getBean(WorkflowEngine.class);
        bob = gateway.as(gateway.createUser("bob", "acme", "refund-desk"));
        dan = gateway.as(gateway.createUser("dan", "acme", "refund-desk"));
        carol = gateway.as(gateway.createUser("carol", "acme", "finance"));
        gina = gateway.as(gateway.createUser("gina", "globex", "refund-desk"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** A refund waiting for the refund desk of the tenant; returns the task id. */
    private static String waitingTask(String tenant, Map<String, Object> variables) {
        Map<String, Object> all = new java.util.HashMap<>(variables);
        all.put("escalateTo", "area-managers");
        FlowInstance instance = engine.start(new StartRequest(FLOW, UUID.randomUUID().toString(), all, tenant,
                "alice"), Duration.ofSeconds(10));
        assertThat(instance.state()).isEqualTo(InstanceState.WAITING);
        return engine.tasks(new TaskQuery(null, null, null, instance.id(), 5)).get(0).id();
    }

    @Test
    void readsATaskWithItsFormAsDeclaredAndItsInstancesVariables() {
        String id = waitingTask("acme", Map.of("requested", 1250, "orderId", "A-1"));

        Reply reply = bob.get("/api/tasks/" + id);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode task = reply.json();
        assertThat(task.path("id").asText()).isEqualTo(id);
        assertThat(task.path("taskKey").asText()).isEqualTo("decide");
        assertThat(task.path("flowKey").asText()).isEqualTo(FLOW);
        assertThat(task.path("tenantId").asText()).isEqualTo("acme");
        assertThat(List.of(task.path("candidateGroups").get(0).asText(), task.path("candidateGroups").get(1).asText()))
                .containsExactlyInAnyOrder("refund-desk", "area-managers");
        assertThat(task.path("formFields").get(0).toString()).isEqualTo("{\"id\":\"amount\",\"label\":\"Amount "
                + "(cents)\",\"type\":\"long\",\"required\":true,\"defaultValue\":\"${requested}\",\"values\":[]}");
        assertThat(task.path("formFields").get(1).path("values").toString()).isEqualTo("[{\"id\":\"damaged\","
                + "\"name\":\"Arrived damaged\"},{\"id\":\"late\",\"name\":\"Arrived late\"}]");
        assertThat(task.path("variables").path("requested").asInt()).isEqualTo(1250);
        assertThat(task.path("variables").path("orderId").asText()).isEqualTo("A-1");
        JsonNode listed = bob.get("/api/tasks?instanceId=" + task.path("instanceId").asText()).json().get(0);
        assertThat(listed.path("formFields")).isEqualTo(task.path("formFields"));
        assertThat(listed.has("variables")).isFalse();
    }

    @Test
    void anotherTenantsTaskIsNotFoundLikeAnUnknownId() {
        String id = waitingTask("acme", Map.of());

        Reply foreign = gina.get("/api/tasks/" + id);
        Reply unknown = gina.get("/api/tasks/" + UUID.randomUUID());

        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
        assertThat(foreign.header("Content-Type")).startsWith("application/problem+json");
        assertThat(foreign.json().path("type")).isEqualTo(unknown.json().path("type"));
        assertThat(foreign.json().path("code").asText()).isEqualTo("task-not-found");
        assertThat(foreign.body()).doesNotContain("acme");
    }

    @Test
    void aTaskOfferedToNoneOfTheCallersRolesIsForbiddenAndOneHeldByAnotherIsAConflict() {
        String id = waitingTask("acme", Map.of());
        assertThat(carol.get("/api/tasks/" + id).status()).isEqualTo(403);

        assertThat(bob.postJson("/api/tasks/" + id + "/claim", "").status()).isEqualTo(200);
        Reply held = dan.get("/api/tasks/" + id);

        assertThat(held.status()).as(held.toString()).isEqualTo(409);
        assertThat(held.json().path("assignee").asText()).isEqualTo("bob");
        assertThat(bob.get("/api/tasks/" + id).json().path("assignee").asText()).isEqualTo("bob");
        assertThat(gateway.get("/api/tasks/" + id).status()).as("the platform admin reads every task").isEqualTo(200);
    }

    @Test
    void listsTheTasksTheCallerCompletedNewestFirst() throws InterruptedException {
        GatewayServer erin = gateway.as(gateway.createUser("erin", "acme", "refund-desk"));
        List<String> done = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String id = waitingTask("acme", Map.of("requested", 100 + i));
            assertThat(erin.postJson("/api/tasks/" + id + "/claim", "").status()).isEqualTo(200);
            assertThat(erin.postJson("/api/tasks/" + id + "/complete", "{\"amount\": 100}").status()).isEqualTo(200);
            done.add(0, id);
            Thread.sleep(5); // distinct completion times for the ordering
        }
        String someoneElses = waitingTask("acme", Map.of());
        dan.postJson("/api/tasks/" + someoneElses + "/claim", "");
        dan.postJson("/api/tasks/" + someoneElses + "/complete", "{}");

        JsonNode history = erin.get("/api/tasks/history").json();

        assertThat(history.findValuesAsText("id")).containsExactlyElementsOf(done);
        JsonNode latest = history.get(0);
        assertThat(latest.path("taskKey").asText()).isEqualTo("decide");
        assertThat(latest.path("name").asText()).isEqualTo("Decide refund");
        assertThat(latest.path("flowKey").asText()).isEqualTo(FLOW);
        assertThat(latest.path("assignee").asText()).isEqualTo("erin");
        assertThat(latest.path("tenantId").asText()).isEqualTo("acme");
        assertThat(latest.path("businessKey").asText()).isNotBlank();
        assertThat(latest.path("instanceId").asText()).isNotBlank();
        assertThat(latest.path("completedAt").asText()).isGreaterThanOrEqualTo(latest.path("createdAt").asText());
        assertThat(erin.get("/api/tasks/history?limit=1").json().findValuesAsText("id")).containsExactly(done.get(0));
        assertThat(gateway.get("/api/tasks/history?limit=200").json().findValuesAsText("id"))
                .contains(done.get(0), done.get(1), someoneElses);
        assertThat(gina.get("/api/tasks/history").json().findValuesAsText("id")).doesNotContain(done.get(0));
    }

    @Test
    void refusesABadLimitNamingIt() {
        for (String limit : List.of("0", "201", "ten")) {
            Reply refused = bob.get("/api/tasks/history?limit=" + limit);

            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().path("code").asText()).isEqualTo("invalid-parameter");
            assertThat(refused.json().path("field").asText()).isEqualTo("limit");
        }
    }

    @Test
    void anAnonymousCallerIsAskedToAuthenticate() {
        assertThat(gateway.anonymous().get("/api/tasks/history").status()).isEqualTo(401);
        assertThat(gateway.anonymous().get("/api/tasks/" + UUID.randomUUID()).status()).isEqualTo(401);
    }
}
