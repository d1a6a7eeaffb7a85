package io.flowgate.gateway.crash;

import io.flowgate.gateway.testsupport.PostgresServer;
import org.junit.jupiter.api.AfterAll;

/** The crash suite on PostgreSQL (embedded, started by the test), stopped by {@code SIGTERM}. */
class SigtermOnPostgresCrashIT extends CrashSuite {

    private PostgresServer postgres;

    @Override
    CrashRun.Database database() {
        postgres = PostgresServer.startNew();
        return new CrashRun.Database(postgres.newDatabaseUrl(), "postgres", "");
    }

    @Override
    CrashRun.Stop stop() {
        return CrashRun.Stop.TERM;
    }

    @AfterAll
    void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
