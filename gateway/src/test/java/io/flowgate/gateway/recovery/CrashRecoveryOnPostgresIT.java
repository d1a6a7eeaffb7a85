package io.flowgate.gateway.recovery;

import io.flowgate.gateway.testsupport.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * {@link CrashRecoveryContract} on a real PostgreSQL, which other nodes could share: the restarted node cannot know
 * that the node that heartbeated a moment ago is dead, so it waits (at most the node timeout) to see it stay silent.
 */
class CrashRecoveryOnPostgresIT extends CrashRecoveryContract {

    private static PostgresServer postgres;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.startNew();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Override
    Map<String, String> database(String test) throws IOException {
        return onPostgres(postgres.newDatabaseUrl(), test);
    }

    @Override
    String databaseName() {
        return "postgres";
    }

    /** The environment that puts gateway processes on the PostgreSQL database {@code url}. */
    static Map<String, String> onPostgres(String url, String test) throws IOException {
        return Map.of("FLOWGATE_DB_URL", url, "FLOWGATE_DB_USER", "postgres", "FLOWGATE_DB_PASSWORD", "",
                "FLOWGATE_DATA_DIR", Files.createTempDirectory("flowgate-recovery-pg-" + test).toString());
    }
}
