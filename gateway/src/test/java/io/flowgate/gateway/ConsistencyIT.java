package io.flowgate.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Contracts and flows are checked against each other at publish and at deploy; nothing is half-published. */
class ConsistencyIT {

    private static GatewayServer gateway;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start();
        assertThat(gateway.deployFlow("payment-wait.bpmn").status()).isEqualTo(201);
        assertThat(gateway.deployFlow("greeting.bpmn").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static String contract(String name, String operations) {
        return "openapi: 3.0.3\ninfo:\n  title: " + name + "\n  version: '1'\npaths:\n" + operations;
    }

    private static String op(String path, String method, String extensions) {
        return "  " + path + ":\n    " + method + ":\n      operationId: " + method + path.replaceAll("[^a-z]", "")
                + "\n" + extensions + "      responses:\n        '200':\n          description: ok\n";
    }

    private static Reply publish(String yaml) {
        return gateway.post("/admin/contracts", "application/yaml", yaml);
    }

    private static List<String> reasons(Reply reply) {
        List<String> reasons = new ArrayList<>();
        reply.json().path("findings").forEach(f -> reasons.add(f.path("operation").asText() + " | "
                + f.path("reason").asText()));
        return reasons;
    }

    @Test
    void refusesAnOperationNamingAFlowThatIsNotDeployed() {
        Reply reply = publish(contract("unknown-flow", op("/ghosts", "post", "      x-flow-id: no-such-flow\n")
                + op("/greet-ok", "post", "      x-flow-id: greeting\n")));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonNode finding = reply.json().path("findings").get(0);
        assertThat(finding.path("contract").asText()).isEqualTo("unknown-flow");
        assertThat(finding.path("method").asText()).isEqualTo("POST");
        assertThat(finding.path("path").asText()).isEqualTo("/ghosts");
        assertThat(finding.path("operationId").asText()).isEqualTo("postghosts");
        assertThat(finding.path("reason").asText()).contains("no-such-flow");
        // nothing half-published: the valid operation of the same document is not live either
        assertThat(gateway.get("/admin/contracts/unknown-flow").status()).isEqualTo(404);
        assertThat(gateway.postJson("/greet-ok", "{}").status()).isEqualTo(404);
    }

    @Test
    void refusesACorrelationNamingAMessageTheFlowDoesNotDeclare() {
        Reply reply = publish(contract("bad-message", op("/pay/{id}", "post",
                "      x-flow-id: payment-wait\n      x-flow-action: correlate\n      x-flow-message: PaymentLost\n"
                        + "      x-flow-business-key: '{path.id}'\n"
                        + "      parameters:\n        - name: id\n          in: path\n          required: true\n"
                        + "          schema:\n            type: string\n")));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reasons(reply)).anyMatch(r -> r.startsWith("POST /pay/{id}") && r.contains("PaymentLost")
                && r.contains("PaymentConfirmed"));
    }

    @Test
    void refusesATaskCompletionNamingAnUnknownUserTask() {
        Reply reply = publish(contract("bad-task", op("/refund-decisions/{id}", "post",
                "      x-flow-id: refund-approval\n      x-flow-action: complete-task\n      x-flow-task: approveTypo\n"
                        + "      x-flow-business-key: '{path.id}'\n"
                        + "      parameters:\n        - name: id\n          in: path\n          required: true\n"
                        + "          schema:\n            type: string\n")));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reasons(reply)).anyMatch(r -> r.contains("approveTypo") && r.contains("approveRefund"));
    }

    @Test
    void refusesMalformedExtensionValuesListingEachOne() {
        Reply reply = publish(contract("malformed", op("/odd", "post",
                "      x-flow-id: greeting\n      x-flow-mode: sometimes\n      x-flow-timeout: soon\n"
                        + "      x-flow-action: explode\n")));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        String all = String.join("\n", reasons(reply));
        assertThat(all).contains("x-flow-mode").contains("x-flow-timeout").contains("x-flow-action");
    }

    @Test
    void refusesASecondContractClaimingALiveMethodAndPath() {
        assertThat(publish(contract("first-owner", op("/shared/{id}", "get", "      x-flow-id: greeting\n"
                + "      parameters:\n        - name: id\n          in: path\n          required: true\n"
                + "          schema:\n            type: string\n"))).status()).isEqualTo(201);

        Reply reply = publish(contract("second-owner", op("/shared/{key}", "get", "      x-flow-id: greeting\n"
                + "      parameters:\n        - name: key\n          in: path\n          required: true\n"
                + "          schema:\n            type: string\n")));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reasons(reply)).anyMatch(r -> r.contains("first-owner"));
    }

    @Test
    void refusesContractsClaimingReservedPaths() {
        Reply reply = publish(contract("sneaky", op("/admin/contracts", "get", "      x-flow-id: greeting\n")));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
    }

    @Test
    void refusesAFlowVersionThatWouldBreakALiveContract() {
        assertThat(publish(contract("payments-live", op("/live-pay/{id}", "post",
                "      x-flow-id: payment-wait\n      x-flow-action: correlate\n"
                        + "      x-flow-message: PaymentConfirmed\n      x-flow-business-key: '{path.id}'\n"
                        + "      parameters:\n        - name: id\n          in: path\n          required: true\n"
                        + "          schema:\n            type: string\n"))).status()).isEqualTo(201);

        Reply reply = gateway.deployFlow("payment-wait-without-message.bpmn");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.json().path("type").asText()).endsWith("/flow-rejected");
        JsonNode finding = reply.json().path("findings").get(0);
        assertThat(finding.path("file").asText()).isEqualTo("payment-wait-without-message.bpmn");
        assertThat(finding.path("reason").asText()).contains("payments-live").contains("PaymentConfirmed");
        JsonNode flow = gateway.get("/admin/flows/payment-wait").json();
        assertThat(flow.path("latestVersion").asInt()).isEqualTo(1);
    }

    @Test
    void refusesUnsafeBpmnNamingTheElement() {
        String script = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
                  <bpmn:process id="evil" isExecutable="true">
                    <bpmn:startEvent id="s"/>
                    <bpmn:scriptTask id="runShell" scriptFormat="groovy"><bpmn:script>"rm -rf /".execute()</bpmn:script></bpmn:scriptTask>
                    <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="runShell"/>
                  </bpmn:process>
                </bpmn:definitions>
                """;

        Reply reply = gateway.post("/admin/flows?file=evil.bpmn", "application/xml", script);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        JsonNode finding = reply.json().path("findings").get(0);
        assertThat(finding.path("file").asText()).isEqualTo("evil.bpmn");
        assertThat(finding.path("element").asText()).isEqualTo("runShell");
        assertThat(gateway.get("/admin/flows/evil").status()).isEqualTo(404);
    }

    @Test
    void keepsAVersionPerPublishAndServesTheNewest() {
        String v1 = contract("versioned", op("/versioned", "post", "      x-flow-id: greeting\n"));
        String v2 = v1.replace("version: '1'", "version: '2'");

        Reply first = publish(v1);
        Reply again = publish(v1);
        Reply second = publish(v2);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("created").asBoolean()).isFalse();
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().path("version").asInt()).isEqualTo(2);
        JsonNode versions = gateway.get("/admin/contracts/versioned/versions").json();
        assertThat(versions).hasSize(2);
        assertThat(gateway.get("/admin/contracts/versioned").json().path("version").asInt()).isEqualTo(2);
        assertThat(gateway.get("/admin/contracts/versioned/versions/1/source").body()).contains("version: '1'");
    }

    @Test
    void publishedOperationsAreLiveAtOnceAndGoneAfterDelete() {
        publish(contract("short-lived", op("/short-lived", "post", "      x-flow-id: greeting\n"
                + "      x-flow-variables:\n        name: 'temp'\n")));

        Reply live = gateway.postJson("/short-lived", "{}");
        Reply deleted = gateway.delete("/admin/contracts/short-lived");
        Reply gone = gateway.postJson("/short-lived", "{}");

        assertThat(live.status()).as(live.toString()).isEqualTo(200);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gateway.get("/admin/contracts").json().findValuesAsText("name")).doesNotContain("short-lived");
    }

    @Test
    void aDryRunReportsFindingsWithoutPublishing() {
        Reply reply = gateway.post("/admin/contracts?dryRun=true", "application/yaml",
                contract("dry", op("/dry", "post", "      x-flow-id: nothing-deployed\n")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("ok").asBoolean()).isFalse();
        assertThat(reasons(reply)).anyMatch(r -> r.contains("nothing-deployed"));
        assertThat(gateway.get("/admin/contracts/dry").status()).isEqualTo(404);
    }

    @Test
    void listsFlowsWithTheirVersionsAndTheOperationsUsingThem() {
        JsonNode flows = gateway.get("/admin/flows").json();

        List<String> keys = flows.findValuesAsText("key");
        assertThat(keys).contains("refund-approval", "payment-wait", "greeting");
        JsonNode refund = gateway.get("/admin/flows/refund-approval").json();
        assertThat(refund.path("usedBy").toString()).contains("POST /refunds");
        assertThat(gateway.get("/admin/flows/refund-approval/xml").body()).contains("approveRefund");
    }

    @Test
    void refusesAnEmptyOrUnparseableContract() {
        Reply empty = gateway.post("/admin/contracts", "application/yaml", "");
        Reply garbage = gateway.post("/admin/contracts", "application/yaml", "openapi: [unclosed");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.header("Content-Type")).startsWith("application/problem+json");
        assertThat(garbage.status()).isEqualTo(422);
        assertThat(garbage.header("Content-Type")).startsWith("application/problem+json");
    }
}
