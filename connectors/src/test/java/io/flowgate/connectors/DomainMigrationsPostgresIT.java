package io.flowgate.connectors;

import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.connectors.testsupport.Postgres;

/** {@link DomainMigrationsContract} on a real PostgreSQL. */
class DomainMigrationsPostgresIT extends DomainMigrationsContract {

    @Override
    protected HikariDataSource database() {
        return Postgres.freshDatabase(2);
    }
}
