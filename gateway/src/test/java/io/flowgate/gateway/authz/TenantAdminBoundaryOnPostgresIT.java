package io.flowgate.gateway.authz;

import io.flowgate.gateway.testsupport.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link TenantAdminBoundaryContract} on a real PostgreSQL: the users' and grants' row locks and the scoped writes
 * behave there as on H2.
 */
class TenantAdminBoundaryOnPostgresIT extends TenantAdminBoundaryContract {

    private static PostgresServer postgres;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.startNew();
        prepare(postgres.startGateway(properties()));
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }
}
