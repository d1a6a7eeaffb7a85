package io.flowgate.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link RestaurantTenantsContract} on the embedded H2 database. */
class RestaurantTenantsIT extends RestaurantTenantsContract {

    @BeforeAll
    static void start() {
        prepare(GatewayServer.start());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }
}
