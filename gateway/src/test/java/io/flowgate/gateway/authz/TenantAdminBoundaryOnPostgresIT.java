package io.flowgate.gateway.authz;

import io.flowgate.gateway.GatewayServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link TenantAdminBoundaryContract} on a real PostgreSQL: the users' and grants' row locks and the scoped writes
 * behave there as on H2.
 */
class TenantAdminBoundaryOnPostgresIT extends TenantAdminBoundaryContract {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Map<String, Object> properties = new HashMap<>(properties());
        properties.put("flowgate.db-url", postgres.getJdbcUrl("postgres", "postgres"));
        properties.put("flowgate.db-user", "postgres");
        properties.put("flowgate.db-password", "");
        prepare(GatewayServer.start(properties));
    }

    @AfterAll
    static void stop() throws IOException {
        platform.close();
        postgres.close();
    }
}
