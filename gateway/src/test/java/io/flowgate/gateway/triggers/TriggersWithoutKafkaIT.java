package io.flowgate.gateway.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Without Kafka, contracts with triggers still publish and serve; their triggers are reported inactive. */
class TriggersWithoutKafkaIT {

    private static GatewayServer gateway;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start(Map.of("flowgate.example", false));
        TriggerFixtures.deployAndPublish(gateway);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void reportsTheTriggersInactiveAndNothingFails() {
        JsonNode triggers = gateway.get("/admin/triggers").json();

        assertThat(triggers).hasSize(3).allSatisfy(t -> {
            assertThat(t.path("active").asBoolean()).isFalse();
            assertThat(t.path("reason").asText()).contains("FLOWGATE_KAFKA_BOOTSTRAP_SERVERS");
        });
        assertThat(gateway.get("/health").status()).isEqualTo(200);
        assertThat(gateway.get("/stock-reviews/no-such-instance").status()).isEqualTo(404);
    }

    @Test
    void refusesATriggerNamingAFlowThatIsNotDeployed() {
        Reply reply = gateway.post("/admin/contracts", "application/yaml", "openapi: 3.0.3\n"
                + "info: {title: Unknown flow triggers, version: '1'}\n"
                + "x-flow-triggers:\n  - {kafka: {topic: t1}, flow: no-such-flow}\npaths: {}\n");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().path("findings").get(0).path("reason").asText())
                .isEqualTo("x-flow-triggers[0]: flow 'no-such-flow' names no deployed flow; deploy it first "
                        + "(POST /admin/flows)");
    }

    @Test
    void refusesACorrelateTriggerWhoseMessageTheFlowDoesNotDeclare() {
        Reply reply = gateway.post("/admin/contracts", "application/yaml", "openapi: 3.0.3\n"
                + "info: {title: Unknown message triggers, version: '1'}\n"
                + "x-flow-triggers:\n  - {kafka: {topic: t2}, flow: restock-review, action: correlate, "
                + "message: nope, business-key: '{value.id}'}\npaths: {}\n");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().path("findings").get(0).path("reason").asText())
                .contains("x-flow-triggers[0]: message 'nope' is not declared").contains("deliveryArrived");
    }
}
