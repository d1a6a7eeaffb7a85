package io.flowgate.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link AnswersAcrossStopsContract} on the embedded H2 database (answers on disk, reservations in memory). */
class AnswersAcrossStopsIT extends AnswersAcrossStopsContract {

    @BeforeAll
    static void start() {
        prepare(GatewayServer.start());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Override
    protected void forgetStoredAnswers() {
        deleteStoredAnswersFromDatabase();
    }
}
