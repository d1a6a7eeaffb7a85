package io.flowgate.gateway.pipeline;

import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.Problem;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.server.event.ServerShutdownEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Graceful shutdown of the contract requests: when the node stops ({@code SIGTERM}, or the server is closed) it
 * refuses new requests with {@code 503 shutting-down} (nothing ran, {@code Retry-After} and {@code Connection:
 * close} send the client to another node) and waits, up to {@code FLOWGATE_SHUTDOWN_GRACE}, for the requests in
 * flight to finish — their flows to commit and their answers to be stored with their idempotency keys — before the
 * node closes its database and Redis pools. It waits on the server's shutdown event, published before the
 * application context stops (and so before any pool closes); the context's own shutdown event covers a context
 * closed without its server.
 *
 * <p>A request still running when the grace period ends is abandoned with the pools: what it committed stays
 * committed and its key is recorded with it in the engine, so a retry is answered from that (see
 * {@code IdempotencyStage}); what it had not committed did not happen.
 */
@Singleton
public class RequestDrain {

    private static final Logger LOG = LoggerFactory.getLogger(RequestDrain.class);

    private final Duration grace;
    private final Object lock = new Object();
    private int inFlight;
    private boolean draining;

    public RequestDrain(@Value("${flowgate.shutdown-grace:30s}") Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("flowgate.shutdown-grace must not be negative: " + grace);
        }
        this.grace = grace;
    }

    /**
     * Runs one request, or refuses it once the node is stopping.
     *
     * @throws GatewayProblem 503 shutting-down, before anything ran
     */
    public <T> T run(Supplier<T> request) {
        synchronized (lock) {
            if (draining) {
                throw new GatewayProblem(Problem.of(503, "shutting-down", "Service Unavailable",
                        "this node is shutting down; the request was not executed, retry it (on another node)"),
                        Map.of("Retry-After", "1", "Connection", "close"));
            }
            inFlight++;
        }
        try {
            return request.get();
        } finally {
            synchronized (lock) {
                inFlight--;
                lock.notifyAll();
            }
        }
    }

    /** Requests in flight now. */
    public int inFlight() {
        synchronized (lock) {
            return inFlight;
        }
    }

    /** Refuses new requests and waits for those in flight, up to the grace period; returns how many were abandoned. */
    public int drain() {
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (lock) {
            if (!draining) {
                draining = true;
                LOG.info("shutting down: new requests are refused, waiting up to {} for {} in flight", grace,
                        inFlight);
            }
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("shutting down with {} requests still in flight after {}: they are abandoned (what they"
                            + " committed stays, with their idempotency keys)", inFlight, grace);
                    return inFlight;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return inFlight;
                }
            }
            return 0;
        }
    }

    /** The server stops: drain before the application context (and its pools) stops. */
    @Singleton
    static final class OnServerShutdown implements ApplicationEventListener<ServerShutdownEvent> {
        private final RequestDrain drain;

        OnServerShutdown(RequestDrain drain) {
            this.drain = drain;
        }

        @Override
        public void onApplicationEvent(ServerShutdownEvent event) {
            drain.drain();
        }
    }

    /** The context stops (with or without its server): drain before its beans are destroyed. */
    @Singleton
    static final class OnShutdown implements ApplicationEventListener<ShutdownEvent> {
        private final RequestDrain drain;

        OnShutdown(RequestDrain drain) {
            this.drain = drain;
        }

        @Override
        public void onApplicationEvent(ShutdownEvent event) {
            drain.drain();
        }
    }
}
