package io.flowgate.connectors;

import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.connectors.testsupport.Postgres;

/** {@link TenantBoundaryContract} on a real PostgreSQL. */
class TenantBoundaryPostgresIT extends TenantBoundaryContract {

    @Override
    protected HikariDataSource database() {
        return Postgres.freshDatabase(8);
    }
}
