package io.flowgate.gateway;

import io.flowgate.gateway.testsupport.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;

/**
 * {@link PaymentCallbacksContract} on a real PostgreSQL: the callbacks' delivery ids, the kept messages and the
 * tenant of the instance they settle are found there as on H2.
 */
class PaymentCallbacksOnPostgresIT extends PaymentCallbacksContract {

    private static PostgresServer postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = PostgresServer.startNew();
        prepare(postgres.startGateway(properties()));
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }
}
