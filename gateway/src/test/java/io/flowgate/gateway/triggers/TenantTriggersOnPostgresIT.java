package io.flowgate.gateway.triggers;

import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.testsupport.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The triggers of tenants ({@link TenantTriggers}, also run by {@link TriggersIT} on H2) on a real PostgreSQL: the
 * fixed tenant of a start, the received messages per tenant and the instance-tenant lookup behave there as on H2.
 */
class TenantTriggersOnPostgresIT {

    private static TriggerTopics kafka;
    private static PostgresServer postgres;
    private static GatewayServer gateway;

    @BeforeAll
    static void start() {
        kafka = new TriggerTopics();
        postgres = PostgresServer.startNew();
        Map<String, Object> properties = new HashMap<>(TriggerFixtures.properties(kafka));
        properties.put("flowgate.example", false); // the scenario uses its own flow; the restaurant only slows start-up
        gateway = postgres.startGateway(properties);
        assertThat(gateway.deployFlow("triggers/restock-review.bpmn").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } finally {
            if (kafka != null) {
                kafka.close();
            }
        }
    }

    @Test
    void triggersActInTheirFixedTenantOrInTheTenantOfTheInstanceTheyCorrelateTo() throws Exception {
        TenantTriggers.actInTheirTenant(kafka, gateway);
    }
}
