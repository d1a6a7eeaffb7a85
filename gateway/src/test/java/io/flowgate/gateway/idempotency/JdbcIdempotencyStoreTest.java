package io.flowgate.gateway.idempotency;

import io.flowgate.gateway.idempotency.internal.JdbcIdempotencyStore;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

class JdbcIdempotencyStoreTest extends DatabaseIdempotencyStoreContract {

    @Override
    IdempotencyStore storeOn(DataSource dataSource) {
        return new JdbcIdempotencyStore(dataSource, LOCK_TIMEOUT, null, Clock.systemUTC());
    }

    @Test
    void takesOverAtOnceTheReservationOfANodeThatIsGone() {
        GoneHolderScenario.takesOverAtOnceOnlyTheReservationOfANodeThatIsGone((self, gone) ->
                new JdbcIdempotencyStore(dataSource, Duration.ofHours(1), null, Clock.systemUTC(),
                        GoneHolderScenario.holders(self, gone)));
    }

    @Override
    int purgeExpired() {
        return ((JdbcIdempotencyStore) store).purgeExpired();
    }
}
