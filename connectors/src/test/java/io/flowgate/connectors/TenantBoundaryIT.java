package io.flowgate.connectors;

import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.connectors.testsupport.TestDatabase;

/** {@link TenantBoundaryContract} on H2, the embedded database. Starts the sandbox payment provider. */
class TenantBoundaryIT extends TenantBoundaryContract {

    @Override
    protected HikariDataSource database() {
        return TestDatabase.pool(8);
    }
}
