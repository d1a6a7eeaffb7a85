package io.flowgate.gateway.cluster;

import org.slf4j.Logger;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stopping a node's background rounds (following other nodes' changes) at shutdown: a round in flight is interrupted
 * and waited for a short while — not for ever, shutting down must not hang on a round stuck on the database — so it
 * does not go on with the pool closed under it.
 */
public final class Rounds {

    /** How long a round in flight is waited for at shutdown. */
    public static final long CLOSE_WAIT_MILLIS = 2_000;

    private Rounds() {
    }

    /**
     * @param rounds the executor running the rounds; null when they never started (nothing to stop)
     * @param what   what the rounds do, for the warning when one outlives the wait ("a contract sync round")
     */
    public static void stop(ScheduledExecutorService rounds, String what, Logger log) {
        if (rounds == null) {
            return;
        }
        rounds.shutdownNow();
        try {
            if (!rounds.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                log.warn("{} was still running at shutdown", what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
