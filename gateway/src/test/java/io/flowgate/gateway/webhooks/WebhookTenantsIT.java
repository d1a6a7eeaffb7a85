package io.flowgate.gateway.webhooks;

import io.flowgate.gateway.GatewayServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;

/** {@link WebhookTenantsContract} on the embedded H2 database. */
class WebhookTenantsIT extends WebhookTenantsContract {

    @BeforeAll
    static void start() throws IOException {
        prepare(GatewayServer.start(properties()));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }
}
