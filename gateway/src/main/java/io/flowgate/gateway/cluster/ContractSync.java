package io.flowgate.gateway.cluster;

import io.flowgate.connectors.events.Outbox;
import io.flowgate.connectors.events.OutboxEvent;
import io.flowgate.connectors.events.StoredEvent;
import io.flowgate.contracts.ContractRegistry;
import io.flowgate.gateway.GatewaySettings;
import io.flowgate.gateway.admin.ChangeLock;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps this node's contracts in step with changes made on other nodes. Every change is written to the shared
 * outbox with the transaction that makes it; this reads {@code contract.published}, {@code contract.deleted} and
 * {@code flow.deployed} every {@code flowgate.cluster.sync-interval}:
 * <ul>
 *   <li>a contract change this node does not reflect yet reloads the registry from the store — the start-up load
 *       without a directory, so the route table is rebuilt, every binding check re-run and routes that fail them
 *       answer 503, exactly as at start-up; the generation moves and the authorizer's policies follow;</li>
 *   <li>a flow deployed anywhere re-runs the binding checks (the consistency report), as a deploy here does.</li>
 * </ul>
 * Both take the {@link ChangeLock}, like a publish or a deploy on this node. Reloading is idempotent, so a change
 * made here and seen again costs at most a reload. On the embedded database there are no other nodes (the H2 file
 * opens in one process only), so nothing is followed.
 */
@Singleton
public final class ContractSync implements ApplicationEventListener<StartupEvent>, AutoCloseable {

    static final Set<String> TYPES = Set.of(OutboxContractEvents.PUBLISHED, OutboxContractEvents.DELETED,
            "flow.deployed");
    private static final Logger LOG = LoggerFactory.getLogger(ContractSync.class);
    private static final int PAGE = 500;
    /** How long shutting down waits for a round in flight, so that it does not run on a closed pool. */

    private final Outbox outbox;
    private final ContractRegistry registry;
    private final ChangeLock lock;
    private final ClusterSettings settings;
    private final boolean alone;
    private final Clock clock;
    private final OutboxCursor cursor;
    private final Instant startedAt;
    private boolean caughtUp;
    private boolean settled;
    private volatile ScheduledExecutorService executor;

    public ContractSync(Outbox outbox, ContractRegistry registry, ChangeLock lock, ClusterSettings settings,
                        GatewaySettings gateway) {
        this(outbox, registry, lock, settings, gateway.embeddedDatabase(), Clock.systemUTC());
    }

    ContractSync(Outbox outbox, ContractRegistry registry, ChangeLock lock, ClusterSettings settings, boolean alone,
                 Clock clock) {
        this.outbox = outbox;
        this.registry = registry;
        this.lock = lock;
        this.settings = settings.validate();
        this.alone = alone;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.cursor = new OutboxCursor(outbox.lastSeq(), settings.getSyncGapTimeout());
    }

    /** Starts following once the node is up (its own start-up load done). */
    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        long every = settings.getSyncInterval().toMillis();
        if (every == 0 || alone || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "contract-sync");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::safeRound, every, every, TimeUnit.MILLISECONDS);
    }

    private void safeRound() {
        try {
            round();
        } catch (RuntimeException e) {
            // nothing was marked handled: the next round reads the same rows, and reloads in full to be sure
            caughtUp = false;
            LOG.warn("could not follow contract changes of other nodes: {}", e.toString());
        }
    }

    /**
     * One round: read what is new, apply it, then mark it handled. The first round reloads in any case (changes
     * committed between this node's start-up load and the cursor's start), and so does the first round after the
     * gap timeout (changes that were still uncommitted below the start cursor).
     */
    synchronized void round() {
        Instant now = clock.instant();
        long last = outbox.lastSeq();
        List<StoredEvent> fresh = unseen();
        boolean catchUp = !caughtUp || (!settled && !now.isBefore(startedAt.plus(settings.getSyncGapTimeout())));
        apply(fresh, catchUp);
        fresh.forEach(row -> cursor.handled(row.seq()));
        caughtUp = true;
        settled |= !now.isBefore(startedAt.plus(settings.getSyncGapTimeout()));
        cursor.observed(last, now);
    }

    private List<StoredEvent> unseen() {
        List<StoredEvent> fresh = new ArrayList<>();
        long from = cursor.floor();
        List<StoredEvent> page;
        do {
            page = outbox.after(from, PAGE, TYPES);
            page.stream().filter(row -> cursor.isNew(row.seq())).forEach(fresh::add);
            from = page.isEmpty() ? from : page.get(page.size() - 1).seq();
        } while (page.size() == PAGE);
        return fresh;
    }

    private void apply(List<StoredEvent> fresh, boolean catchUp) {
        List<OutboxEvent> contracts = fresh.stream().map(StoredEvent::event)
                .filter(event -> !event.type().equals("flow.deployed")).filter(event -> !reflected(event)).toList();
        if (catchUp || !contracts.isEmpty()) {
            lock.guarded(() -> registry.load(null, true));
            if (!contracts.isEmpty()) {
                LOG.info("contracts changed on another node ({}): reloaded", describe(contracts));
            }
        } else if (fresh.stream().anyMatch(row -> row.event().type().equals("flow.deployed"))) {
            lock.guarded(registry::recheck);
        }
    }

    /** Whether this node already serves the change (it made it, or an earlier reload picked it up). */
    private boolean reflected(OutboxEvent event) {
        var live = registry.contract(event.subject());
        if (event.type().equals(OutboxContractEvents.DELETED)) {
            return live.isEmpty();
        }
        Object version = event.data().get("version");
        return live.isPresent() && version instanceof Number number
                && live.get().contract().version() >= number.intValue();
    }

    private static String describe(List<OutboxEvent> events) {
        return String.join(", ", events.stream().map(e -> e.type() + " " + e.subject()
                + (e.data().containsKey("version") ? " v" + e.data().get("version") : "")).toList());
    }

    /** Whether this node follows the changes of others. */
    boolean following() {
        ScheduledExecutorService running = executor;
        return running != null && !running.isShutdown();
    }

    /**
     * Stops following: a round in flight is interrupted and waited for a short while (not for ever: shutting down
     * must not hang on a round stuck on the database), so it does not go on with the pool closed under it.
     */
    @Override
    @PreDestroy
    public void close() {
        Rounds.stop(executor, "a contract sync round", LOG);
    }
}
