package io.flowgate.gateway.triggers.internal;

import io.flowgate.connectors.kafka.KafkaSettings;
import io.flowgate.contracts.ContractRegistry;
import io.flowgate.contracts.triggers.FlowTrigger;
import io.flowgate.engine.WorkflowEngine;
import io.flowgate.gateway.triggers.TriggerSettings;
import io.flowgate.gateway.triggers.TriggerStatus;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps one consumer per consumer group running for the live contracts' triggers. Every refresh interval it looks at
 * the registry's generation; when the contracts changed it re-plans: consumers of groups that are gone or whose
 * topics changed are stopped (after the record in hand), new groups get a consumer, and a group with the same
 * topics just uses the new triggers.
 */
public final class TriggerSupervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TriggerSupervisor.class);

    private final ContractRegistry registry;
    private final WorkflowEngine engine;
    private final KafkaSettings kafka;
    private final TriggerSettings settings;
    private final TriggerCounters counters = new TriggerCounters();
    private final Map<String, TriggerConsumer> consumers = new HashMap<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "flowgate-triggers");
        thread.setDaemon(true);
        return thread;
    });
    private volatile SubscriptionPlan plan = SubscriptionPlan.EMPTY;
    private long seenGeneration = Long.MIN_VALUE;
    private DeadLetters deadLetters;
    private RecordProcessor processor;
    private boolean closed;

    public TriggerSupervisor(ContractRegistry registry, WorkflowEngine engine, KafkaSettings kafka,
                             TriggerSettings settings) {
        this.registry = registry;
        this.engine = engine;
        this.kafka = kafka;
        this.settings = settings;
    }

    public void start() {
        refresher.scheduleWithFixedDelay(this::refreshSafely, 0, settings.getRefreshInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Re-plans when the contracts changed since the last call. */
    public synchronized void refresh() {
        long generation = registry.generation();
        if (closed || generation == seenGeneration) {
            return;
        }
        SubscriptionPlan next = SubscriptionPlan.of(registry.triggers(), off());
        apply(next);
        report(plan, next);
        plan = next;
        seenGeneration = generation;
    }

    private void refreshSafely() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.error("x-flow-triggers could not be applied; trying again: {}", e.toString(), e);
        }
    }

    /** Why no trigger may run on this node, if so. */
    private Optional<String> off() {
        if (!settings.isEnabled()) {
            return Optional.of("triggers are switched off on this node (FLOWGATE_TRIGGERS_ENABLED=false)");
        }
        return kafka.unavailableReason();
    }

    private void apply(SubscriptionPlan next) {
        for (Iterator<Map.Entry<String, TriggerConsumer>> it = consumers.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, TriggerConsumer> running = it.next();
            Map<String, FlowTrigger> wanted = next.groups().get(running.getKey());
            if (wanted != null && wanted.keySet().equals(running.getValue().topics())) {
                running.getValue().use(wanted);
            } else {
                running.getValue().stop();
                it.remove();
            }
        }
        next.groups().forEach((group, triggers) -> {
            if (!consumers.containsKey(group)) {
                TriggerConsumer consumer = new TriggerConsumer(group, triggers, () -> newConsumer(group), processor(),
                        settings);
                consumers.put(group, consumer);
                consumer.start();
            }
        });
    }

    private RecordProcessor processor() {
        if (processor == null) {
            deadLetters = new DeadLetters(kafka);
            processor = new RecordProcessor(engine, settings, deadLetters, counters);
        }
        return processor;
    }

    private Consumer<byte[], byte[]> newConsumer(String group) {
        Map<String, Object> properties = new HashMap<>(kafka.getProperties()); // the connection's security
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServerList());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, kafka.getClientId() + "-triggers-" + group);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, settings.autoOffsetReset());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.getMaxPollRecords());
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Logs what changed: a trigger that became active or inactive, once, not at every contract change. */
    private static void report(SubscriptionPlan before, SubscriptionPlan after) {
        Map<String, String> was = new HashMap<>();
        before.triggers().forEach(p -> was.put(p.live().trigger().label(), String.valueOf(p.inactiveReason())));
        for (SubscriptionPlan.Planned planned : after.triggers()) {
            String label = planned.live().trigger().label();
            if (String.valueOf(planned.inactiveReason()).equals(was.get(label))) {
                continue;
            }
            if (planned.inactiveReason() == null) {
                LOG.info("trigger {} is active", label);
            } else {
                LOG.warn("trigger {} is inactive: {}", label, planned.inactiveReason());
            }
        }
    }

    public synchronized List<TriggerStatus> status() {
        return plan.triggers().stream().map(this::status).toList();
    }

    private TriggerStatus status(SubscriptionPlan.Planned planned) {
        FlowTrigger t = planned.live().trigger();
        String reason = planned.inactiveReason();
        TriggerConsumer consumer = consumers.get(t.kafka().group());
        if (reason == null && (consumer == null || !consumer.isRunning())) {
            reason = "the consumer of group '" + t.kafka().group() + "' stopped; see the log";
        }
        return new TriggerStatus(t.contractName(), t.location(), t.kafka().topic(), t.kafka().group(), t.flowId(),
                t.action().value(), t.message(), reason == null, reason,
                settings.deadLetterTopic(t.kafka().topic()), counters.counts(t.kafka()));
    }

    /** Stops refreshing, then every consumer (each finishes its record in hand and commits), then the producer. */
    @Override
    public void close() {
        refresher.shutdownNow();
        synchronized (this) {
            closed = true;
            consumers.values().forEach(TriggerConsumer::stop);
            consumers.clear();
            if (deadLetters != null) {
                deadLetters.close();
            }
        }
    }
}
