package io.flowgate.gateway.crash;

/** The crash suite on the embedded H2 default, stopped by {@code SIGTERM}. */
class SigtermOnH2CrashIT extends CrashSuite {

    @Override
    CrashRun.Database database() {
        return CrashRun.Database.h2();
    }

    @Override
    CrashRun.Stop stop() {
        return CrashRun.Stop.TERM;
    }
}
