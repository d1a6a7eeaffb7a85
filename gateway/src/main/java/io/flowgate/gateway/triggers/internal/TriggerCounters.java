package io.flowgate.gateway.triggers.internal;

import io.flowgate.contracts.triggers.KafkaSource;
import io.flowgate.gateway.triggers.TriggerStatus.Counts;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLongArray;

/** What this node did with each topic and group's records since start-up; survives consumer restarts. */
final class TriggerCounters {

    private static final int PROCESSED = 0;
    private static final int DUPLICATES = 1;
    private static final int DEAD_LETTERED = 2;

    private final ConcurrentMap<KafkaSource, AtomicLongArray> counts = new ConcurrentHashMap<>();

    void processed(KafkaSource source) {
        of(source).incrementAndGet(PROCESSED);
    }

    void duplicate(KafkaSource source) {
        of(source).incrementAndGet(DUPLICATES);
    }

    void deadLettered(KafkaSource source) {
        of(source).incrementAndGet(DEAD_LETTERED);
    }

    Counts counts(KafkaSource source) {
        AtomicLongArray found = of(source);
        return new Counts(found.get(PROCESSED), found.get(DUPLICATES), found.get(DEAD_LETTERED));
    }

    private AtomicLongArray of(KafkaSource source) {
        return counts.computeIfAbsent(source, s -> new AtomicLongArray(3));
    }
}
