package io.flowgate.gateway.crash;

import io.flowgate.gateway.crash.CrashRun.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, item 1: on the embedded H2 default a {@code 2xx}/{@code 202} means the order is on disk. The gateway jar
 * runs as a child process on its own H2 file, customers place sync and async orders at full speed, the process is
 * killed with {@code kill -9} at a seeded moment and started again on the same file: every order answered 2xx/202
 * before the kill has its instance and its order row. (Before the fix H2 kept the last second of commits in memory
 * and 1–5 % of the accepted orders vanished.) The whole crash suite, with every invariant, is {@link CrashSuite}.
 */
class CommittedAnswersSurviveKillIT {

    @Test
    void everyOrderAnswered2xxBeforeAKill9IsInTheDatabaseAfterTheRestart() throws Exception {
        String name = getClass().getSimpleName();
        // mostly asynchronous starts: answered as soon as they commit, they keep the commit rate high until the kill
        Outcome run = new CrashRun(name, CrashRun.Database.h2(), CrashRun.Stop.KILL, CrashRun.seed(name))
                .asyncPercent(75).withoutSettling().run();

        long accepted = run.sent().stream().filter(s -> s.answer().accepted()).count();
        assertThat(accepted).as("orders accepted before the kill (too few to prove anything)").isGreaterThan(30);
        List<String> lost = CrashInvariants.acceptedOrdersWithoutInstance(run);
        System.out.printf("%s: %d of %d accepted orders lost by kill -9 at %d ms (seed %d)%n", name, lost.size(),
                accepted, run.crashAfter().toMillis(), run.seed());
        assertThat(lost).as("%d of %d accepted orders lost (seed %d, log %s):%n  %s", lost.size(), accepted,
                run.seed(), run.log(), String.join("\n  ", CrashRun.firstLines(lost, 15))).isEmpty();
    }
}
