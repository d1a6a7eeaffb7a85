package io.flowgate.gateway.pipeline;

import io.flowgate.gateway.problem.GatewayProblem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** At shutdown new requests are refused before anything runs, and the ones in flight are waited for. */
class RequestDrainTest {

    @Test
    void aStopRefusesNewRequestsAndWaitsForTheOnesInFlight() throws Exception {
        RequestDrain drain = new RequestDrain(Duration.ofSeconds(30));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> inFlight = CompletableFuture.supplyAsync(() -> drain.run(() -> {
            running.countDown();
            await(finish);
            return "answered";
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Integer> stopping = CompletableFuture.supplyAsync(drain::drain);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        GatewayProblem refused = null;
        while (refused == null && System.nanoTime() < deadline) {
            // the stop has begun once a new request is refused
            try {
                drain.run(() -> "ran");
                Thread.sleep(5);
            } catch (GatewayProblem problem) {
                refused = problem;
            }
        }

        assertThat(refused).isNotNull();
        assertThat(refused.problem().status()).isEqualTo(503);
        assertThat(refused.problem().code()).isEqualTo("shutting-down");
        assertThat(refused.headers()).containsEntry("Retry-After", "1").containsEntry("Connection", "close");
        assertThat(stopping).isNotDone();
        finish.countDown();
        assertThat(inFlight.get(10, TimeUnit.SECONDS)).isEqualTo("answered");
        assertThat(stopping.get(10, TimeUnit.SECONDS)).as("requests abandoned").isZero();
    }

    @Test
    void aRequestStillRunningAfterTheGracePeriodIsAbandoned() throws Exception {
        RequestDrain drain = new RequestDrain(Duration.ofMillis(200));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture.runAsync(() -> drain.run(() -> {
            running.countDown();
            await(finish);
            return null;
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        try {
            assertThat(drain.drain()).isEqualTo(1);
            assertThat(catchThrowableOfType(GatewayProblem.class, () -> drain.run(() -> "ran")).problem().status())
                    .isEqualTo(503);
        } finally {
            finish.countDown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
