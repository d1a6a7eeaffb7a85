package io.flowgate.gateway.idempotency;

import io.flowgate.engine.WorkflowEngine;
import io.flowgate.gateway.cluster.Rounds;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Forgets the request keys the engine recorded ({@link IdempotencyStage#ENGINE_SCOPE}) once they are older than
 * {@code flowgate.idempotency.retention}, as the key store forgets their answers: a key is then free for a new
 * request. Every node does it every {@code flowgate.idempotency.purge-interval}; deleting is idempotent.
 */
@Context
public final class RequestKeyRetention implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RequestKeyRetention.class);

    private final ScheduledExecutorService executor;

    public RequestKeyRetention(WorkflowEngine engine, IdempotencySettings settings) {
        settings.validate();
        Duration retention = settings.getRetention();
        Duration every = settings.getPurgeInterval();
        if (!settings.isEnabled() || every == null || every.isZero() || every.isNegative()) {
            executor = null;
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "flowgate-request-key-retention");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> pass(engine, retention), every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static void pass(WorkflowEngine engine, Duration retention) {
        try {
            int forgotten = engine.forgetReceived(IdempotencyStage.ENGINE_SCOPE, Instant.now().minus(retention));
            if (forgotten > 0) {
                LOG.info("forgot {} request key(s) older than {}", forgotten, retention);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not forget old request keys (next pass tries again): {}", e.toString());
        }
    }

    /** Stops; a pass in flight is interrupted and waited for a short while, so it does not run on a closed pool. */
    @Override
    @PreDestroy
    public void close() {
        Rounds.stop(executor, "a request key retention pass", LOG);
    }
}
