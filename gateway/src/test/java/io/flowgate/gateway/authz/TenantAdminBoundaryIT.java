package io.flowgate.gateway.authz;

import io.flowgate.gateway.GatewayServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link TenantAdminBoundaryContract} on the embedded H2 database. */
class TenantAdminBoundaryIT extends TenantAdminBoundaryContract {

    @BeforeAll
    static void start() {
        prepare(GatewayServer.start(properties()));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }
}
