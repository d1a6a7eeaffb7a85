package io.flowgate.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Suspending, activating and undeploying flow versions over HTTP ({@code /admin/flows/{key}/versions/{version}}),
 * and the timer floor at deploy, on the restaurant example.
 */
class FlowLifecycleIT {

    private static final String PROBLEMS = "https://flowgate.io/problems/";

    private static GatewayServer gateway;
    private static GatewayServer clerk;
    private static GatewayServer manager;
    private static GatewayServer tenantAdmin;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start();
        clerk = gateway.as(gateway.createUser("lifecycle-clerk", "bistro", "customer-service"));
        manager = gateway.as(gateway.createUser("lifecycle-manager", "bistro", "store-manager"));
        tenantAdmin = gateway.as(gateway.createUser("lifecycle-admin", "bistro", "admin"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void aSuspendedFlowRefusesNewRefundsWhileTheWaitingOnesAreStillDecided() {
        int version = latestVersion("refund-approval");
        String waiting = order();
        assertThat(clerk.postJson("/refunds", refund(waiting)).status()).isEqualTo(201);
        try {
            Reply suspended = gateway.postJson(versionPath("refund-approval", version) + "/suspend", "");
            assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
            assertThat(suspended.json().path("suspended").asBoolean()).isTrue();

            Reply refused = clerk.postJson("/refunds", refund(order()));
            Reply decided = manager.postJson("/refunds/" + waiting + "/decision", "{\"approved\":false}");

            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().path("type").asText()).isEqualTo(PROBLEMS + "flow-suspended");
            assertThat(refused.json().path("flow").asText()).isEqualTo("refund-approval");
            assertThat(refused.json().path("version").asInt()).isEqualTo(version);
            assertThat(decided.status()).as("a running instance goes on: " + decided).isEqualTo(200);
            assertThat(gateway.get("/admin/flows/refund-approval").json().path("versions").get(0)
                    .path("suspended").asBoolean()).isTrue();
        } finally {
            Reply activated = gateway.postJson(versionPath("refund-approval", version) + "/activate", "");
            assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
            assertThat(activated.json().path("suspended").asBoolean()).isFalse();
        }
        assertThat(clerk.postJson("/refunds", refund(order())).status()).as("active again").isEqualTo(201);
    }

    @Test
    void onlyThePlatformAdminChangesAFlowsLifecycle() {
        String version = versionPath("refund-approval", latestVersion("refund-approval"));

        for (Reply reply : new Reply[] {tenantAdmin.postJson(version + "/suspend", ""),
                tenantAdmin.postJson(version + "/activate", ""), tenantAdmin.delete(version)}) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
            assertThat(reply.json().path("type").asText()).isEqualTo(PROBLEMS + "insufficient-scope");
            assertThat(reply.json().path("requiredScope").asText()).isEqualTo("platform-admin");
        }
        assertThat(gateway.get("/admin/flows/refund-approval").json().path("versions").get(0)
                .path("suspended").asBoolean()).isFalse();
    }

    @Test
    void aVersionIsUndeployedOnceNoInstanceRunsOnItAndThePreviousServesAgain() {
        int previous = latestVersion("refund-approval");
        String bpmn = GatewayServer.resource("/examples/restaurant/refund-approval.bpmn")
                .replace("name=\"Refund requested\"", "name=\"Refund asked for\"");
        assertThat(gateway.post("/admin/flows?file=refund-approval.bpmn", "application/xml", bpmn).status())
                .isEqualTo(201);
        int version = latestVersion("refund-approval");
        String waiting = order();
        Reply refund = clerk.postJson("/refunds", refund(waiting));
        assertThat(refund.status()).isEqualTo(201);

        Reply inUse = gateway.delete(versionPath("refund-approval", version));

        assertThat(inUse.status()).as(inUse.toString()).isEqualTo(409);
        assertThat(inUse.json().path("type").asText()).isEqualTo(PROBLEMS + "flow-version-in-use");
        assertThat(inUse.json().path("runningInstances").asLong()).isEqualTo(1);
        assertThat(inUse.json().path("detail").asText()).contains("1 instance(s)");

        assertThat(manager.postJson("/refunds/" + waiting + "/decision", "{\"approved\":false}").status())
                .isEqualTo(200);
        Reply undeployed = gateway.delete(versionPath("refund-approval", version));

        assertThat(undeployed.status()).as(undeployed.toString()).isEqualTo(204);
        assertThat(latestVersion("refund-approval")).isEqualTo(previous);
        Reply onPrevious = clerk.postJson("/refunds", refund(order()));
        assertThat(onPrevious.status()).isEqualTo(201);
        assertThat(clerk.get("/instances/" + onPrevious.json().path("instanceId").asText()).json()
                .path("flowVersion").asInt()).isEqualTo(previous);
        Reply history = clerk.get("/instances/" + refund.json().path("instanceId").asText());
        assertThat(history.status()).as("the history of its instances stays: " + history).isEqualTo(200);
        assertThat(history.json().path("flowVersion").asInt()).isEqualTo(version);
    }

    @Test
    void theOnlyVersionOfAFlowALiveOperationRunsIsNotUndeployed() {
        Reply refused = gateway.delete(versionPath("store-stock", latestVersion("store-stock")));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("type").asText()).isEqualTo(PROBLEMS + "flow-used-by-contract");
        JsonNode finding = refused.json().path("findings").get(0);
        assertThat(finding.path("contract").asText()).isEqualTo("restaurant-orders");
        assertThat(finding.path("operation").asText()).isEqualTo("GET /stores/{id}/stock");
        assertThat(gateway.get("/admin/flows/store-stock").status()).isEqualTo(200);
    }

    @Test
    void anUnknownFlowOrVersionIsNotFound() {
        Reply noVersion = gateway.delete(versionPath("refund-approval", 999));
        Reply noFlow = gateway.postJson(versionPath("no-such-flow", 1) + "/suspend", "");

        assertThat(noVersion.status()).as(noVersion.toString()).isEqualTo(404);
        assertThat(noVersion.json().path("type").asText()).isEqualTo(PROBLEMS + "flow-not-found");
        assertThat(noFlow.status()).isEqualTo(404);
        Reply notANumber = gateway.postJson("/admin/flows/refund-approval/versions/latest/suspend", "");
        assertThat(notANumber.status()).as(notANumber.toString()).isBetween(400, 499);
        assertThat(notANumber.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aTimerStartEventFiringEveryMillisecondIsRefusedNamingTheElementAndTheValue() {
        String flow = "ticker-" + UUID.randomUUID().toString().substring(0, 8);
        String bpmn = ticking(flow, "R/PT0.001S");

        Reply checked = gateway.post("/admin/flows?file=ticker.bpmn&dryRun=true", "application/xml", bpmn);
        Reply deployed = gateway.post("/admin/flows?file=ticker.bpmn", "application/xml", bpmn);

        for (Reply reply : new Reply[] {checked, deployed}) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
            assertThat(reply.json().path("type").asText()).isEqualTo(PROBLEMS + "flow-rejected");
            JsonNode finding = reply.json().path("findings").get(0);
            assertThat(finding.path("file").asText()).isEqualTo("ticker.bpmn");
            assertThat(finding.path("element").asText()).isEqualTo("tick");
            assertThat(finding.path("reason").asText()).contains("'R/PT0.001S'", "fires every 1 ms",
                    "at least 1 min", "FLOWGATE_TIMER_FLOOR");
        }
        assertThat(gateway.get("/admin/flows/" + flow).status()).as("nothing deployed").isEqualTo(404);
        assertThat(gateway.post("/admin/flows?file=ticker.bpmn", "application/xml", ticking(flow, "R/PT5M"))
                .status()).as("at or above the floor").isEqualTo(201);
        assertThat(gateway.postJson(versionPath(flow, 1) + "/suspend", "").status()).isEqualTo(200);
    }

    static String ticking(String key, String cycle) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
                  <bpmn:process id="KEY" name="Ticker" isExecutable="true">
                    <bpmn:startEvent id="tick">
                      <bpmn:timerEventDefinition><bpmn:timeCycle>CYCLE</bpmn:timeCycle></bpmn:timerEventDefinition>
                    </bpmn:startEvent>
                    <bpmn:sequenceFlow id="f" sourceRef="tick" targetRef="end" />
                    <bpmn:endEvent id="end" />
                  </bpmn:process>
                </bpmn:definitions>
                """.replace("KEY", key).replace("CYCLE", cycle);
    }

    private static int latestVersion(String flow) {
        return gateway.get("/admin/flows/" + flow).json().path("latestVersion").asInt();
    }

    static String versionPath(String flow, int version) {
        return "/admin/flows/" + flow + "/versions/" + version;
    }

    private static String order() {
        return "lc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String refund(String order) {
        return "{\"orderId\":\"" + order + "\",\"amount\":2}";
    }
}
