package io.flowgate.gateway.triggers;

import io.flowgate.gateway.GatewayServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record read again after a restart — the consumer had processed it but its offset was never committed — starts
 * nothing new: the message id was recorded in the engine's transaction and is in the database after the restart.
 */
class TriggerRedeliveryIT {

    private static final String TOPIC = "stock.external";
    private TriggerTopics kafka;
    private GatewayServer gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aRecordReadAgainAfterARestartBeforeItsCommitStartsNoSecondInstance() throws Exception {
        kafka = new TriggerTopics();
        kafka.createTopics(TOPIC, "stock.deliveries", "stock.refused");
        gateway = GatewayServer.start(Map.of("flowgate.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "flowgate.triggers.refresh-interval", "200ms", "flowgate.example", false));
        TriggerFixtures.deployAndPublish(gateway);
        String sku = "restart-" + UUID.randomUUID();
        long offset = kafka.send(TOPIC, sku, "{\"sku\":\"" + sku + "\",\"qty\":4}",
                "flowgate-event-id", UUID.randomUUID().toString());
        TriggerFixtures.awaitInstances(gateway, "restock-review", sku, 1);
        kafka.awaitCommitted("flowgate", TOPIC);

        // the consumer leaves its group, the group "forgets" the commit, the node restarts, the consumer comes back
        assertThat(gateway.delete("/admin/contracts/stock-triggers").status()).isEqualTo(204);
        assertThat(gateway.get("/admin/triggers").json()).isEmpty();
        kafka.rewind("flowgate", TOPIC, offset);
        gateway.restart();
        TriggerFixtures.deployAndPublish(gateway);

        kafka.awaitCommitted("flowgate", TOPIC);
        assertThat(TriggerFixtures.instances(gateway, "restock-review", sku)).hasSize(1);
        assertThat(TriggerFixtures.status(gateway, TOPIC).path("counts").path("duplicates").asLong()).isEqualTo(1);
    }
}
