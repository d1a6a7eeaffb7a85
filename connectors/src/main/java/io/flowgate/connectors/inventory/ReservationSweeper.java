package io.flowgate.connectors.inventory;

import io.flowgate.connectors.inventory.internal.Reservations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Releases held reservations whose expiry has passed (a flow that reserved and then died, or waits too long),
 * every {@code flowgate.inventory.sweep-interval}. Every node may run it: releasing is a compare-and-set on the
 * reservation's status, so two sweepers never give the same stock back twice. Created with the reserve connector,
 * the only maker of holds.
 */
@Singleton
public final class ReservationSweeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReservationSweeper.class);

    private final Reservations reservations;
    private final ScheduledExecutorService executor;

    public ReservationSweeper(Reservations reservations, InventorySettings settings) {
        this.reservations = reservations;
        long every = settings.validate().getSweepInterval().toMillis();
        this.executor = every == 0 ? null : start(every);
    }

    /** Releases every expired hold now; returns how many were released. */
    public int sweep() {
        int released = reservations.sweepExpired();
        if (released > 0) {
            LOG.info("released {} expired stock reservation(s)", released);
        }
        return released;
    }

    private ScheduledExecutorService start(long everyMillis) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "inventory-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                // the next round tries again; a failed round only delays releases
                LOG.warn("could not release expired stock reservations: {}", e.toString());
            }
        }, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
        return scheduler;
    }

    @Override
    @PreDestroy
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
