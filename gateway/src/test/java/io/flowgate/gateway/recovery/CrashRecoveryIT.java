package io.flowgate.gateway.recovery;

import java.nio.file.Files;
import java.util.Map;

/** {@link CrashRecoveryContract} on the embedded H2 file database, the default: the node knows it restarted. */
class CrashRecoveryIT extends CrashRecoveryContract {

    @Override
    Map<String, String> database(String test) throws Exception {
        return Map.of("FLOWGATE_DATA_DIR", Files.createTempDirectory("flowgate-recovery-" + test).toString());
    }

    @Override
    String databaseName() {
        return "h2";
    }
}
