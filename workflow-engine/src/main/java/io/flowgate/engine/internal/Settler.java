package io.flowgate.engine.internal;

import io.flowgate.engine.FlowInstance;
import io.flowgate.engine.InstanceNotFound;
import io.flowgate.engine.InstanceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Waits, within a deadline, until an instance has ended or rests in wait states. Wakes on local signals
 * ({@link SettleSignals}) and also polls the database with a growing pause, because the job that moves the instance
 * on may run on another node.
 */
final class Settler {

    private static final Logger LOG = LoggerFactory.getLogger(Settler.class);

    private static final long FIRST_PAUSE_MILLIS = 10;
    private static final long LONGEST_PAUSE_MILLIS = 200;

    private final InstanceReader reader;
    private final SettleSignals signals;

    Settler(InstanceReader reader, SettleSignals signals) {
        this.reader = reader;
        this.signals = signals;
    }

    /**
     * The instance as it stands when it settled or the deadline passed, whichever came first. The instance has
     * committed: when it cannot be read (a failing database, a read racing a job past its retries), the answer is
     * {@code committed} — what the caller knows without reading — rather than a failure its client would take for
     * "nothing happened".
     */
    FlowInstance awaitSettled(String instanceId, Instant deadline, FlowInstance committed) {
        try {
            return awaitSettled(instanceId, deadline);
        } catch (InstanceNotFound notFound) {
            throw notFound;
        } catch (RuntimeException unreadable) {
            LOG.warn("instance {} has committed but cannot be read now; answering that it runs: {}", instanceId,
                    unreadable.toString());
            return committed;
        }
    }

    /** The instance as it stands when it settled or the deadline passed, whichever came first. */
    FlowInstance awaitSettled(String instanceId, Instant deadline) {
        SettleSignals.Waiter waiter = signals.register(instanceId);
        try {
            long pause = FIRST_PAUSE_MILLIS;
            while (true) {
                Optional<InstanceState> state = reader.probe(instanceId);
                long remaining = Duration.between(Instant.now(), deadline).toMillis();
                if (state.isEmpty() || state.get().isSettled() || remaining <= 0) {
                    break;
                }
                waiter.await(Math.min(pause, remaining));
                pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            signals.unregister(instanceId, waiter);
        }
        return reader.read(instanceId).orElseThrow(() -> new InstanceNotFound(instanceId));
    }
}
