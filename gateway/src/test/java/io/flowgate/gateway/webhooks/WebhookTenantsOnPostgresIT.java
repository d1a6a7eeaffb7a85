package io.flowgate.gateway.webhooks;

import io.flowgate.gateway.testsupport.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;

/**
 * {@link WebhookTenantsContract} on a real PostgreSQL: the per-tenant delivery ids and the correlation inside a
 * tenant behave there as on H2.
 */
class WebhookTenantsOnPostgresIT extends WebhookTenantsContract {

    private static PostgresServer postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = PostgresServer.startNew();
        prepare(postgres.startGateway(properties()));
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }
}
