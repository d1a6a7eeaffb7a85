package io.flowgate.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Operators watch and steer instances, incidents and tasks through the admin and task APIs. */
class AdminApiIT {

    private static GatewayServer gateway;
    private static GatewayServer clerk;
    private static GatewayServer manager;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start();
        assertThat(gateway.deployFlow("flaky-job.bpmn").status()).isEqualTo(201);
        assertThat(gateway.deployFlow("flaky-now.bpmn").status()).isEqualTo(201);
        assertThat(gateway.publishContract("/io/flowgate/gateway/flaky-shop.yaml").status()).isEqualTo(201);
        clerk = gateway.as(gateway.createUser("clerk", null, "customer-service"));
        manager = gateway.as(gateway.createUser("manager", null, "store-manager"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static String requestRefund(String order) {
        Reply reply = clerk.postJson("/refunds", "{\"orderId\":\"" + order + "\",\"amount\":7}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().path("instanceId").asText();
    }

    @Test
    void theTaskInboxListsTheApprovalAndCompletingItEndsTheFlow() {
        String order = "inbox-" + UUID.randomUUID().toString().substring(0, 8);
        String instanceId = requestRefund(order);

        JsonNode tasks = manager.get("/api/tasks?candidateGroup=store-manager&instanceId=" + instanceId).json();
        assertThat(tasks).hasSize(1);
        JsonNode task = tasks.get(0);
        assertThat(task.path("taskKey").asText()).isEqualTo("approveRefund");
        assertThat(task.path("businessKey").asText()).isEqualTo(order);
        assertThat(task.path("candidateGroups").toString()).contains("store-manager");

        Reply done = manager.postJson("/api/tasks/" + task.path("id").asText() + "/complete", "{\"approved\":true}");

        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().path("state").asText()).isEqualTo("COMPLETED");
        assertThat(manager.get("/api/tasks?instanceId=" + instanceId).json()).isEmpty();
    }

    @Test
    void completingAnUnknownTaskIs404() {
        Reply reply = manager.postJson("/api/tasks/" + UUID.randomUUID() + "/complete", "{}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void listsFiltersAndInspectsInstances() {
        String order = "list-" + UUID.randomUUID().toString().substring(0, 8);
        String instanceId = requestRefund(order);

        JsonNode page = gateway.get("/admin/instances?flow=refund-approval&state=WAITING&businessKey=" + order).json();
        JsonNode details = gateway.get("/admin/instances/" + instanceId).json();

        assertThat(page.path("total").asInt()).isEqualTo(1);
        assertThat(page.path("items").get(0).path("id").asText()).isEqualTo(instanceId);
        assertThat(details.path("variables").path("orderId").asText()).isEqualTo(order);
        assertThat(details.path("variables").path("amount").asInt()).isEqualTo(7);
        assertThat(details.path("history").findValuesAsText("activityId"))
                .contains("refundRequested", "recordRequest", "approveRefund");
        assertThat(details.path("startedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
    }

    @Test
    void listsTheInstancesStartedWithinATimeWindow() throws InterruptedException {
        String order = "window-" + UUID.randomUUID().toString().substring(0, 8);
        String early = requestRefund(order);
        // one open refund per order (x-flow-business-key-unique): the second is asked once the first is closed
        assertThat(gateway.postJson("/admin/instances/" + early + "/cancel", "{}").status()).isEqualTo(200);
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        String late = requestRefund(order);
        String byKey = "/admin/instances?businessKey=" + order;

        assertThat(ids(byKey + "&startedAfter=" + between)).containsExactly(late);
        assertThat(ids(byKey + "&startedBefore=" + between)).containsExactly(early);
        assertThat(ids(byKey + "&startedAfter=" + between.minusSeconds(3600) + "&startedBefore="
                + between.plusSeconds(3600))).containsExactly(late, early);
        String offset = between.atOffset(ZoneOffset.ofHours(2)).toString(); // the same instant, written at +02:00
        assertThat(ids(byKey + "&startedAfter=" + offset.replace("+", "%2B"))).containsExactly(late);
    }

    @Test
    void refusesAStartTimeThatIsNotAnInstantNamingTheParameter() {
        for (String query : List.of("startedAfter=yesterday", "startedBefore=2026-11-23", "startedAfter="
                + "2026-11-23T10:00:00Z&startedBefore=2026-11-22T10:00:00Z")) {
            Reply refused = gateway.get("/admin/instances?" + query);

            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().path("code").asText()).isEqualTo("invalid-parameter");
            assertThat(refused.json().path("field").asText()).isEqualTo(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void refusesBadListingParametersWithProblems() {
        assertThat(gateway.get("/admin/instances?state=SLEEPING").status()).isEqualTo(400);
        assertThat(gateway.get("/admin/instances?size=100000").status()).isEqualTo(400);
        assertThat(gateway.get("/admin/instances?page=-1").json().path("type").asText()).endsWith("/invalid-page");
    }

    @Test
    void cancelsAnInstanceEvenWithoutAContentType() {
        String instanceId = requestRefund("cancel-" + UUID.randomUUID().toString().substring(0, 8));

        Reply reply = gateway.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/instances/" + instanceId
                + "/cancel")).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("state").asText()).isEqualTo("CANCELLED");
        assertThat(gateway.get("/instances/" + instanceId).json().path("state").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void anAsyncStartThatFailsBeforeItsFirstCommitAnswersAProblemInsteadOf202() {
        FlakyConnector.FAILING.set(true);
        try {
            Reply failed = gateway.post("/flaky-now", "application/json", "");

            assertThat(failed.status()).as(failed.toString()).isEqualTo(502);
            assertThat(failed.header("Content-Type")).startsWith("application/problem+json");
            assertThat(failed.body()).contains("flow-failed").contains("downstream system is down");
            assertThat(gateway.get("/admin/instances?flow=flaky-now").json().path("total").asInt()).isZero();
        } finally {
            FlakyConnector.FAILING.set(false);
        }
    }

    @Test
    void aFailingJobBecomesAnIncidentAndARetryFromTheAdminApiCompletesIt() throws Exception {
        FlakyConnector.FAILING.set(true);
        Reply accepted = gateway.post("/flaky-jobs", "application/json", "");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String instanceId = accepted.json().path("instanceId").asText();

        JsonNode incident = awaitIncident(instanceId);
        assertThat(incident.path("activityId").asText()).isEqualTo("callDownstream");
        assertThat(incident.path("message").asText()).contains("downstream system is down");
        assertThat(gateway.get("/instances/" + instanceId).json().path("state").asText()).isEqualTo("INCIDENT");

        FlakyConnector.FAILING.set(false);
        Reply retry = gateway.post("/admin/incidents/" + incident.path("id").asText() + "/retry", "application/json",
                "");

        assertThat(retry.status()).isEqualTo(202);
        JsonNode status = gateway.awaitEnded(instanceId, Duration.ofSeconds(30));
        assertThat(status.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(gateway.get("/admin/incidents").json().findValuesAsText("instanceId")).doesNotContain(instanceId);
    }

    @Test
    void retryingAnUnknownIncidentIs404() {
        Reply reply = gateway.post("/admin/incidents/nope/retry", "application/json", "");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("type").asText()).endsWith("/incident-not-found");
    }

    private static List<String> ids(String listing) {
        Reply reply = gateway.get(listing);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        reply.json().path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static JsonNode awaitIncident(String instanceId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode incident : gateway.get("/admin/incidents").json()) {
                if (incident.path("instanceId").asText().equals(instanceId)) {
                    return incident;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no incident for " + instanceId);
    }

    private static String baseUrl() {
        return "http://localhost:" + gateway.context()
                .getBean(io.micronaut.runtime.server.EmbeddedServer.class).getPort();
    }
}
