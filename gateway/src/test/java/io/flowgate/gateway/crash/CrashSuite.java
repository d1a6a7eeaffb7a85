package io.flowgate.gateway.crash;

import io.flowgate.gateway.crash.CrashRun.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash suite (issue 15): the real gateway jar as a child process, customers ordering at full speed (sync and
 * async orders, paid with tok_visa, decline, pending and timeout-once, half with an Idempotency-Key), the process
 * stopped at a seeded point, started again on the same data, every key retried, a bounded wait, the database read.
 * Each test is one invariant over that one run; a failure names the seed ({@code -Dcrash.seed=…} replays it), the
 * orders and what was expected. Subclasses choose the database and the signal.
 *
 * <p>Runs in {@code ./mvnw verify} (failsafe, after the package phase built the jar); one class alone with
 * {@code -Dit.test=KillOnH2CrashIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CrashSuite {

    private Outcome run;

    /** The database of this suite's gateway (a PostgreSQL suite starts its server here). */
    abstract CrashRun.Database database() throws Exception;

    abstract CrashRun.Stop stop();

    @BeforeAll
    void crashOnce() throws Exception {
        String name = getClass().getSimpleName();
        run = new CrashRun(name, database(), stop(), CrashRun.seed(name)).run();
    }

    @Test
    void everyOrderAnswered2xxHasItsInstanceAfterTheRestart() {
        holds(CrashInvariants.acceptedOrdersWithoutInstance(run), "accepted orders lost");
    }

    @Test
    void everyOrderInstanceEndsSoonAfterTheRestart() {
        holds(CrashInvariants.unendedOrders(run), "orders not ended");
    }

    @Test
    void theProviderKeepsExactlyThePaidOrdersMoney() {
        holds(CrashInvariants.moneyNotMatchingOrders(run), "money not matching the orders");
    }

    @Test
    void noOrderIsChargedTwice() {
        holds(CrashInvariants.doubleCharges(run), "double charges");
    }

    @Test
    void noEndedOrderHoldsStock() {
        holds(CrashInvariants.stockHeldByEndedOrders(run), "stock held by ended orders");
    }

    @Test
    void everyIdempotencyKeyRetriedAfterTheCrashGetsTheFirstOutcome() {
        holds(CrashInvariants.retriesNotGettingTheFirstOutcome(run), "retried keys without their first outcome");
    }

    @Test
    void everyOrderEndsAsIfThereHadBeenNoCrash() {
        holds(CrashInvariants.ordersChangedByTheCrash(run), "orders whose fate the crash changed");
    }

    @Test
    void noOrderWhoseInstanceCommittedIsAnswered5xx() {
        holds(CrashInvariants.takenOrdersAnswered5xx(run), "5xx answers for orders that were taken");
    }

    private void holds(List<String> violations, String what) {
        assertThat(violations).as("%s: %d after %s at %d ms (seed %d, replay with -Dcrash.seed=%d; %d orders sent, "
                        + "log %s):%n  %s", what, violations.size(), run.stop(), run.crashAfter().toMillis(),
                run.seed(), run.seed(), run.sent().size(), run.log(),
                String.join("\n  ", CrashRun.firstLines(violations, 15))).isEmpty();
    }
}
