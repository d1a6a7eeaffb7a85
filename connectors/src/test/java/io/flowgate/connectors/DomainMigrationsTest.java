package io.flowgate.connectors;

import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.connectors.testsupport.TestDatabase;

/** {@link DomainMigrationsContract} on H2, the embedded database. */
class DomainMigrationsTest extends DomainMigrationsContract {

    @Override
    protected HikariDataSource database() {
        return TestDatabase.pool(2);
    }
}
