package io.flowgate.gateway.events.internal;

import io.flowgate.connectors.events.StoredEvent;
import io.flowgate.connectors.storage.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The webhook relay's round, in two steps.
 * <ol>
 * <li>Fan-out: unhandled outbox rows become one PENDING delivery per matching subscription, written in the same
 * transaction that records the rows as handled — each event reaches each subscription's list exactly once.</li>
 * <li>Dispatch: due deliveries (the head of each subscription × subject line) are attempted on a pool, at most
 * {@code concurrency} at once and half of that per subscription. 2xx deletes the row; a failure schedules the next
 * attempt with the {@link Backoff}, or parks the row as DEAD after the last attempt. A finished attempt wakes the
 * loop, so the next event of the subject goes at once.</li>
 * </ol>
 * An attempt whose outcome cannot be recorded stays due and is sent again (at least once; subscribers deduplicate by
 * {@code webhook-id}).
 */
public final class WebhookRelay implements RelayLoop.Round {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRelay.class);

    private final DataSource dataSource;
    private final OutboxReader reader;
    private final SubscriptionStore subscriptions;
    private final DeliveryStore deliveries;
    private final WebhookSender sender;
    private final Backoff backoff;
    private final int maxAttempts;
    private final int batchSize;
    private final int perSubscription;
    private final Clock clock;
    private final Executor pool;
    private final Semaphore slots;
    /**
     * Deliveries attempted and not yet known to be settled in the database. Only the dispatching thread removes keys,
     * just before it reads the due list: a list read while an attempt was finishing may still show that attempt's row
     * as due, and the key must still be here then, or the event would be sent twice.
     */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Queue<String> settled = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> inFlightPerSubscription = new ConcurrentHashMap<>();
    private volatile Runnable onAttemptDone = () -> { };

    /** What the relay needs to know about retries and limits. */
    public record Limits(Backoff backoff, int maxAttempts, int batchSize, int concurrency, int perSubscription) {
    }

    public WebhookRelay(EventsSchema schema, OutboxReader reader, SubscriptionStore subscriptions,
                        DeliveryStore deliveries, WebhookSender sender, Limits limits, Clock clock, Executor pool) {
        this.dataSource = schema.dataSource();
        this.reader = reader;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.sender = sender;
        this.backoff = limits.backoff();
        this.maxAttempts = limits.maxAttempts();
        this.batchSize = limits.batchSize();
        this.perSubscription = limits.perSubscription();
        this.slots = new Semaphore(limits.concurrency());
        this.clock = clock;
        this.pool = pool;
    }

    /** Called after every attempt (the loop's wake-up). */
    public void onAttemptDone(Runnable callback) {
        this.onAttemptDone = callback;
    }

    @Override
    public boolean run(RelayLease lease) {
        boolean more = fanOut();
        dispatch();
        return more;
    }

    private boolean fanOut() {
        List<StoredEvent> batch = reader.unhandled(batchSize);
        if (batch.isEmpty()) {
            reader.compact();
            return false;
        }
        List<StoredSubscription> all = subscriptions.all();
        List<DeliveryStore.NewDelivery> fresh = new ArrayList<>();
        List<Long> seqs = new ArrayList<>(batch.size());
        for (StoredEvent row : batch) {
            seqs.add(row.seq());
            String body = null;
            for (StoredSubscription subscription : all) {
                if (subscription.accepts(row)) {
                    body = body != null ? body : CloudEventJson.of(row.event());
                    fresh.add(new DeliveryStore.NewDelivery(subscription.id(), row.event().id(), row.seq(),
                            row.event().type(), row.event().subject(), body));
                }
            }
        }
        long now = clock.millis();
        Jdbc.inTransaction(dataSource, "cannot queue webhook deliveries", c -> {
            deliveries.insert(c, fresh, now);
            reader.markHandled(c, seqs);
            return null;
        });
        reader.compact();
        return batch.size() == batchSize;
    }

    private void dispatch() {
        for (String key = settled.poll(); key != null; key = settled.poll()) {
            inFlight.remove(key); // its outcome is committed: the query below sees it
        }
        if (slots.availablePermits() == 0) {
            return;
        }
        for (Delivery delivery : deliveries.due(clock.millis(), batchSize)) {
            if (inFlight.contains(delivery.key())) {
                continue;
            }
            AtomicInteger ofSubscription = inFlightPerSubscription.computeIfAbsent(delivery.subscriptionId(),
                    id -> new AtomicInteger());
            if (ofSubscription.get() >= perSubscription) {
                continue;
            }
            if (!slots.tryAcquire()) {
                return;
            }
            inFlight.add(delivery.key());
            ofSubscription.incrementAndGet();
            try {
                pool.execute(() -> attempt(delivery, ofSubscription));
            } catch (RuntimeException e) { // the pool is shutting down
                done(delivery, ofSubscription);
                return;
            }
        }
    }

    private void attempt(Delivery delivery, AtomicInteger ofSubscription) {
        try {
            WebhookSender.Outcome outcome;
            try {
                outcome = sender.send(delivery);
            } catch (RuntimeException e) {
                outcome = WebhookSender.Outcome.failed(e.toString());
            }
            record(delivery, outcome);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("could not record the attempt to deliver event {} to subscription {} ({}); it is attempted "
                    + "again", delivery.eventId(), delivery.subscriptionId(), e.toString());
        } finally {
            done(delivery, ofSubscription);
        }
    }

    private void record(Delivery delivery, WebhookSender.Outcome outcome) {
        if (outcome.delivered()) {
            deliveries.delivered(delivery);
            return;
        }
        int attempts = delivery.attempts() + 1;
        long now = clock.millis();
        if (attempts >= maxAttempts) {
            deliveries.dead(delivery, attempts, now, outcome.status(), outcome.error());
            // not the URL: it may carry a token in its query
            LOG.warn("event {} was not delivered to subscription {} after {} attempts, the last one {}; it is parked "
                    + "as a dead letter", delivery.eventId(), delivery.subscriptionId(), attempts, outcome.error());
            return;
        }
        long delay = backoff.after(attempts, outcome.retryAfter(), ThreadLocalRandom.current().nextDouble())
                .toMillis();
        deliveries.retryLater(delivery, attempts, now + delay, outcome.status(), outcome.error());
        LOG.debug("attempt {} to deliver event {} to subscription {} failed ({}); next in {} ms", attempts,
                delivery.eventId(), delivery.subscriptionId(), outcome.error(), delay);
    }

    private void done(Delivery delivery, AtomicInteger ofSubscription) {
        settled.add(delivery.key());
        ofSubscription.decrementAndGet();
        slots.release();
        onAttemptDone.run();
    }
}
