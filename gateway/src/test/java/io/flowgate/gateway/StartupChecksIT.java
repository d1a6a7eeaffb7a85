package io.flowgate.gateway;

import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A contract in the contracts directory that names a flow nobody deployed stops start-up, unless forced. */
class StartupChecksIT {

    private static final String ORPHAN = """
            openapi: 3.0.3
            info:
              title: Orphan
              version: '1'
            paths:
              /orphans:
                post:
                  x-flow-id: never-deployed
                  responses:
                    '200':
                      description: ok
            """;

    @Test
    void aBrokenContractFlowPairStopsStartUp(@TempDir Path contracts) throws Exception {
        Files.writeString(contracts.resolve("orphan.yaml"), ORPHAN);

        assertThatThrownBy(() -> GatewayServer.start(Map.of("flowgate.contracts-dir", contracts.toString())))
                .hasStackTraceContaining("never-deployed");
    }

    @Test
    void startingAnywayMarksTheBrokenRoutesUnavailable(@TempDir Path contracts) throws Exception {
        Files.writeString(contracts.resolve("orphan.yaml"), ORPHAN);

        try (GatewayServer gateway = GatewayServer.start(Map.of("flowgate.contracts-dir", contracts.toString(),
                "flowgate.start-anyway", true))) {
            Reply reply = gateway.postJson("/orphans", "{}");

            assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
            assertThat(reply.json().path("type").asText()).endsWith("/route-unavailable");
            assertThat(reply.json().path("detail").asText()).contains("never-deployed");
            GatewayServer clerk = gateway.as(gateway.createUser("clerk", null, "customer-service"));
            assertThat(clerk.postJson("/refunds", "{\"orderId\":\"still-works\",\"amount\":1}").status())
                    .isEqualTo(201);
        }
    }

    @Test
    void healthAnswersOnceStarted() {
        try (GatewayServer gateway = GatewayServer.start()) {
            Reply health = gateway.get("/health");

            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("status").asText()).isEqualTo("UP");
        }
    }
}
