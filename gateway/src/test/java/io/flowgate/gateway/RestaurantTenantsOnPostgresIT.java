package io.flowgate.gateway;

import io.flowgate.gateway.testsupport.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.Map;

/**
 * {@link RestaurantTenantsContract} on a real PostgreSQL: the connectors' tenant filters and row locks, the example's
 * seeded stores and the comparisons of whole tables behave there as on H2.
 */
class RestaurantTenantsOnPostgresIT extends RestaurantTenantsContract {

    private static PostgresServer postgres;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.startNew();
        prepare(postgres.startGateway(Map.of()));
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }
}
