package io.flowgate.gateway.events;

import io.flowgate.gateway.events.internal.EventsSchema;
import io.flowgate.gateway.events.internal.OutboxRetention;
import io.flowgate.gateway.cluster.Rounds;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the outbox from growing for ever: every node deletes events older than {@code flowgate.events.retention}
 * once every relay in use has carried them ({@link OutboxRetention}), a minute after start-up and then every
 * tenth of the retention, at most hourly. Deleting is idempotent, so nodes need not agree on who does it.
 */
@Context
public final class EventRetention implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventRetention.class);
    private static final Duration FIRST_PASS = Duration.ofMinutes(1);
    private static final int BATCH = 5_000;

    private final ScheduledExecutorService executor;

    public EventRetention(EventsSettings settings, EventsSchema schema) {
        Duration retention = settings.validate().getRetention();
        if (retention.isZero()) {
            LOG.info("outbox events are kept for ever (flowgate.events.retention=0)");
            executor = null;
            return;
        }
        OutboxRetention purge = new OutboxRetention(schema.dataSource(), retention, BATCH, Clock.systemUTC());
        long every = Math.min(retention.dividedBy(10).toMillis(), Duration.ofHours(1).toMillis());
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "flowgate-event-retention");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> pass(purge, retention), FIRST_PASS.toMillis(), every,
                TimeUnit.MILLISECONDS);
    }

    private static void pass(OutboxRetention purge, Duration retention) {
        try {
            long deleted = purge.purge();
            if (deleted > 0) {
                LOG.info("deleted {} outbox event(s) older than {}", deleted, retention);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not delete old outbox events (next pass tries again): {}", e.toString());
        }
    }

    /** Stops; a pass in flight is interrupted and waited for a short while, so it does not run on a closed pool. */
    @Override
    @PreDestroy
    public void close() {
        Rounds.stop(executor, "an outbox retention pass", LOG);
    }
}
