package io.flowgate.gateway.idempotency;

import io.flowgate.gateway.idempotency.internal.JdbcIdempotencyStore;

import javax.sql.DataSource;
import java.time.Clock;

class JdbcIdempotencyStoreTest extends DatabaseIdempotencyStoreContract {

    @Override
    IdempotencyStore storeOn(DataSource dataSource) {
        return new JdbcIdempotencyStore(dataSource, LOCK_TIMEOUT, null, Clock.systemUTC());
    }

    @Override
    int purgeExpired() {
        return ((JdbcIdempotencyStore) store).purgeExpired();
    }
}
