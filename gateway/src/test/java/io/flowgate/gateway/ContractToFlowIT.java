package io.flowgate.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.engine.WorkflowEngine;
import io.flowgate.engine.internal.CamundaWorkflowEngine;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A client calls contract operations on the real gateway and the flows behind them run on the embedded engine. */
class ContractToFlowIT {

    private static GatewayServer gateway;
    private static GatewayServer clerk;
    private static GatewayServer manager;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start();
        for (String flow : List.of("greeting.bpmn", "slow-job.bpmn", "async-job.bpmn", "payment-wait.bpmn",
                "stock-check.bpmn")) {
            assertThat(gateway.deployFlow(flow).status()).as(flow).isEqualTo(201);
        }
        assertThat(gateway.publishContract("test-shop.yaml").status()).isEqualTo(201);
        clerk = gateway.as(gateway.createUser("clerk", null, "customer-service"));
        manager = gateway.as(gateway.createUser("manager", null, "store-manager"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void answersSynchronouslyWithTheResponseMappedFromVariables() {
        Reply reply = gateway.postJson("/greetings?lang=en", "{\"name\":\"Ada\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("greeting").asText()).isEqualTo("Hello Ada");
        assertThat(reply.json().path("name").asText()).isEqualTo("Ada");
        assertThat(reply.json().path("state").asText()).isEqualTo("COMPLETED");
        assertThat(reply.json().path("instanceId").asText()).isEqualTo(reply.header("Flowgate-Instance"));
        assertThat(reply.header("Flowgate-Instance-State")).isEqualTo("COMPLETED");
    }

    @Test
    void storesRequestValuesAsTextNeverEvaluatingThem() {
        Reply reply = gateway.postJson("/greetings", "{\"name\":\"${execution.processEngineServices}\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("greeting").asText()).isEqualTo("Hello ${execution.processEngineServices}");
    }

    @Test
    void acceptsAsyncOperationsOnceCommittedAndTheStatusResourceShowsTheMappedResponse() throws Exception {
        Reply reply = gateway.postJson("/async-greetings", "{\"name\":\"Grace\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        String id = reply.json().path("instanceId").asText();
        // the 202 comes once the start has committed: never STARTING, and the database already has it
        assertThat(reply.json().path("state").asText()).isNotEqualTo("STARTING");
        assertThat(((CamundaWorkflowEngine) gateway.context().getBean(WorkflowEngine.class)).processEngine()
                .getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).count()).isOne();
        assertThat(reply.header("Location")).isEqualTo("/instances/" + id);
        JsonNode status = gateway.awaitEnded(id, Duration.ofSeconds(10));
        assertThat(status.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(status.path("flow").asText()).isEqualTo("greeting");
        assertThat(status.path("response").path("status").asInt()).isEqualTo(200);
        assertThat(status.path("response").path("body").path("greeting").asText()).isEqualTo("Hello Grace");
    }

    @Test
    void waitsForAsynchronousContinuationsWithinTheBudget() {
        Reply reply = gateway.post("/background-jobs", "application/json", "");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("done").asBoolean()).isTrue();
        assertThat(reply.json().path("state").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void answers202WithLocationWhenTheBudgetRunsOutAndTheInstanceCompletesLater() throws Exception {
        Reply reply = gateway.post("/slow-jobs?millis=1500", "application/json", "");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        assertThat(reply.json().path("state").asText()).isIn("STARTING", "RUNNING");
        String location = reply.header("Location");
        assertThat(location).startsWith("/instances/");
        JsonNode status = gateway.awaitEnded(location.substring("/instances/".length()), Duration.ofSeconds(15));
        assertThat(status.path("state").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void answersAtTheFirstWaitStateOfTheRestaurantRefund() {
        String order = "order-" + UUID.randomUUID().toString().substring(0, 8);
        Reply reply = clerk.postJson("/refunds", "{\"orderId\":\"" + order + "\",\"amount\":12.5}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().path("state").asText()).isEqualTo("WAITING");
        assertThat(reply.json().path("status").asText()).isEqualTo("PENDING");
        assertThat(reply.json().path("refundId").asText()).isEqualTo(order);
        JsonNode status = clerk.get("/instances/" + reply.json().path("instanceId").asText()).json();
        assertThat(status.path("state").asText()).isEqualTo("WAITING");
        assertThat(status.path("activities").get(0).path("id").asText()).isEqualTo("approveRefund");
    }

    @Test
    void completesTheApprovalTaskThroughTheDecisionOperation() {
        String approvedOrder = requestRefund();
        String rejectedOrder = requestRefund();

        Reply approved = manager.postJson("/refunds/" + approvedOrder + "/decision", "{\"approved\":true}");
        Reply rejected = manager.postJson("/refunds/" + rejectedOrder + "/decision",
                "{\"approved\":false,\"reason\":\"eaten\"}");

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("state").asText()).isEqualTo("COMPLETED");
        assertThat(approved.json().path("status").asText()).isEqualTo("APPROVED");
        assertThat(rejected.json().path("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void aDecisionWithoutAWaitingRefundIs404() {
        Reply reply = manager.postJson("/refunds/nobody/decision", "{\"approved\":true}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asText()).endsWith("/no-matching-instance");
    }

    @Test
    void correlatesAMessageToTheOneWaitingInstance() {
        String order = "pay-" + UUID.randomUUID();
        Reply started = gateway.postJson("/payments", "{\"orderId\":\"" + order + "\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        assertThat(started.json().path("state").asText()).isEqualTo("WAITING");

        Reply paid = gateway.postJson("/payments/" + order + "/confirmation", "{\"provider\":\"sandbox\"}");

        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.json().path("paid").asBoolean()).isTrue();
        assertThat(paid.json().path("provider").asText()).isEqualTo("sandbox");
        assertThat(paid.json().path("state").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void correlationWithNoWaitingInstanceIs404() {
        Reply reply = gateway.postJson("/payments/nobody-waits/confirmation", "{}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
        assertThat(reply.json().path("type").asText()).endsWith("/no-matching-instance");
    }

    @Test
    void correlationWithTwoWaitingInstancesIs409AndCorrelatesNothing() {
        String order = "twice-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ids.add(gateway.postJson("/payments", "{\"orderId\":\"" + order + "\"}").json().path("instanceId")
                    .asText());
        }

        Reply reply = gateway.postJson("/payments/" + order + "/confirmation", "{}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
        assertThat(reply.json().path("type").asText()).endsWith("/ambiguous-match");
        for (String id : ids) {
            assertThat(gateway.get("/instances/" + id).json().path("state").asText()).isEqualTo("WAITING");
        }
    }

    @Test
    void aBpmnErrorAnswersTheStatusTheContractDeclares() {
        Reply reply = gateway.postJson("/stock-checks", "{\"quantity\":11}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("errorCode").asText()).isEqualTo("OUT_OF_STOCK");
        assertThat(reply.json().path("type").asText()).endsWith("/flow-error");
    }

    @Test
    void aBpmnErrorTheContractDoesNotDeclareIs502() {
        Reply reply = gateway.postJson("/stock-checks", "{\"quantity\":0}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(502);
        assertThat(reply.json().path("errorCode").asText()).isEqualTo("STORE_CLOSED");
    }

    @Test
    void aFlowThatSucceedsAnswersItsMappedValues() {
        Reply reply = gateway.postJson("/stock-checks", "{\"quantity\":3}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("reserved").asInt()).isEqualTo(3);
    }

    @Test
    void reportsEveryViolationOfTheRequestWithItsPointer() {
        Reply reply = gateway.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl() + "/greetings?lang=de"))
                .header("Content-Type", "application/json")
                .header("X-Channel", "far-too-long-channel")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"\",\"age\":-1,\"tags\":[1]}")));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asText()).endsWith("/request-invalid");
        List<String> places = new ArrayList<>();
        reply.json().path("errors").forEach(e -> places.add(e.path("in").asText() + ":" + e.path("pointer").asText()));
        assertThat(places).contains("query:/lang", "body:/name", "body:/age", "body:/tags/0");
        assertThat(places).anyMatch(p -> p.startsWith("header:") && p.toLowerCase().contains("x-channel"));
    }

    @Test
    void refusesMalformedJsonWithAProblem() {
        Reply reply = gateway.postJson("/greetings", "{\"name\": ");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("type").asText()).endsWith("/request-invalid");
    }

    @Test
    void refusesABodyOfAnUndeclaredContentType() {
        Reply reply = gateway.post("/greetings", "text/csv", "name\nAda");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(415);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aFlowThatBreaksItsResponseContractIs502NamingTheField() {
        Reply reply = gateway.postJson("/broken-responses", "{\"name\":\"Ada\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(502);
        assertThat(reply.json().path("type").asText()).endsWith("/response-contract-violation");
        assertThat(reply.json().path("errors").get(0).path("pointer").asText()).isEqualTo("/count");
        assertThat(reply.json().path("instanceId").asText()).isNotBlank();
    }

    @Test
    void anOperationWithoutFlowIs501() {
        Reply reply = gateway.get("/reports");

        assertThat(reply.status()).isEqualTo(501);
        assertThat(reply.json().path("type").asText()).endsWith("/operation-unrouted");
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        Reply unknown = gateway.get("/nothing-here");
        Reply wrongMethod = gateway.get("/greetings");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("type").asText()).endsWith("/route-not-found");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).contains("POST");
    }

    @Test
    void anUnknownInstanceIs404() {
        Reply reply = gateway.get("/instances/" + UUID.randomUUID());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("type").asText()).endsWith("/instance-not-found");
    }

    private static String requestRefund() {
        String order = "order-" + UUID.randomUUID().toString().substring(0, 8);
        Reply reply = clerk.postJson("/refunds", "{\"orderId\":\"" + order + "\",\"amount\":5}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return order;
    }

    private static String baseUrl() {
        return "http://localhost:" + gateway.context().getBean(io.micronaut.runtime.server.EmbeddedServer.class)
                .getPort();
    }
}
