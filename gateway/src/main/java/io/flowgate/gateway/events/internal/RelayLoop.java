package io.flowgate.gateway.events.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The thread that runs one relay on this node: every poll interval it takes (or renews) the relay's lease and, while
 * it holds it, runs a round. A round that reports more work waiting is followed at once; {@link #wake()} cuts a wait
 * short. A failed round is logged and tried again next interval — the outbox keeps what was not handled.
 */
public final class RelayLoop {

    /** One round of a relay. */
    @FunctionalInterface
    public interface Round {
        /** @return true when more work is waiting (a full batch), so the next round should start at once */
        boolean run(RelayLease lease) throws InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(RelayLoop.class);

    private final RelayLease lease;
    private final Duration pollInterval;
    private final Round round;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;
    private boolean wasHolder;
    private String lastFailure;

    public RelayLoop(RelayLease lease, Duration pollInterval, Round round) {
        this.lease = lease;
        this.pollInterval = pollInterval;
        this.round = round;
        this.thread = new Thread(this::loop, "flowgate-events-" + lease.name());
        thread.setDaemon(true);
    }

    public RelayLoop start() {
        thread.start();
        return this;
    }

    /** Starts the next round now instead of after the poll interval. */
    public void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void loop() {
        while (running) {
            boolean more = false;
            try {
                more = holdsLease() && round.run(lease);
                lastFailure = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                logOnce(e);
            }
            if (!more && !pause()) {
                break;
            }
        }
    }

    private boolean holdsLease() {
        boolean holds = lease.acquire();
        if (holds != wasHolder) {
            LOG.info(holds ? "this node ({}) now relays {} events" : "this node ({}) no longer relays {} events: "
                    + "another node holds the lease", lease.owner(), lease.name());
            wasHolder = holds;
        }
        return holds;
    }

    private void logOnce(RuntimeException e) {
        String failure = e.toString();
        if (!failure.equals(lastFailure)) {
            LOG.warn("the {} relay failed a round ({}); it tries again every {} ms, events wait in the outbox",
                    lease.name(), failure, pollInterval.toMillis(), e);
            lastFailure = failure;
        }
    }

    /** Waits the poll interval or until woken; false when interrupted (shutting down). */
    private boolean pause() {
        try {
            if (wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUps.drainPermits();
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops the loop, waiting up to {@code grace} for the round in progress, and releases the lease. The thread is not
     * interrupted: an interrupt inside a JDBC call can break the connection (or H2's file) under the round.
     */
    public void close(Duration grace) {
        lease.retire();
        running = false;
        wake();
        try {
            thread.join(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            lease.release();
        } catch (RuntimeException e) {
            LOG.warn("could not release the {} relay lease ({}); another node takes over when it expires",
                    lease.name(), e.toString());
        }
    }
}
