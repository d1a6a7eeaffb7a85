package io.flowgate.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;

/** {@link PaymentCallbacksContract} on the embedded H2 database. */
class PaymentCallbacksIT extends PaymentCallbacksContract {

    @BeforeAll
    static void start() throws IOException {
        prepare(GatewayServer.start(properties()));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }
}
