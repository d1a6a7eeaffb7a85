package io.flowgate.gateway;

import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The H2 file database keeps contracts, flows and running instances across a restart. */
class RestartIT {

    @Test
    void keepsContractsFlowsAndRunningInstancesAcrossARestart() {
        try (GatewayServer gateway = GatewayServer.start()) {
            for (String flow : java.util.List.of("greeting.bpmn", "slow-job.bpmn", "async-job.bpmn",
                    "payment-wait.bpmn", "stock-check.bpmn")) {
                assertThat(gateway.deployFlow(flow).status()).as(flow).isEqualTo(201);
            }
            assertThat(gateway.publishContract("test-shop.yaml").status()).isEqualTo(201);
            gateway.createUser("clerk", null, "customer-service");
            gateway.createUser("manager", null, "store-manager");
            Reply refund = gateway.as(gateway.login("clerk", GatewayServer.USER_PASSWORD))
                    .postJson("/refunds", "{\"orderId\":\"restart-1\",\"amount\":3}");
            assertThat(refund.status()).as(refund.toString()).isEqualTo(201);
            String instanceId = refund.json().path("instanceId").asText();

            gateway.restart();

            assertThat(gateway.get("/admin/contracts/test-shop").status()).isEqualTo(200);
            assertThat(gateway.get("/admin/contracts/test-shop/versions").json()).hasSize(1);
            assertThat(gateway.get("/admin/flows/greeting").json().path("latestVersion").asInt()).isEqualTo(1);
            assertThat(gateway.get("/admin/flows/refund-approval").json().path("latestVersion").asInt())
                    .as("the example is not redeployed as a new version").isEqualTo(1);
            assertThat(gateway.get("/instances/" + instanceId).json().path("state").asText()).isEqualTo("WAITING");
            GatewayServer manager = gateway.as(gateway.login("manager", GatewayServer.USER_PASSWORD));
            assertThat(gateway.postJson("/greetings", "{\"name\":\"again\"}").status()).isEqualTo(200);
            Reply decision = manager.postJson("/refunds/restart-1/decision", "{\"approved\":true}");
            assertThat(decision.status()).as(decision.toString()).isEqualTo(200);
            assertThat(decision.json().path("status").asText()).isEqualTo("APPROVED");
        }
    }
}
