package io.flowgate.gateway.triggers.internal;

import io.flowgate.contracts.triggers.FlowTrigger;
import io.flowgate.contracts.triggers.KafkaSource;
import io.flowgate.contracts.triggers.LiveTrigger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What to consume, derived from the live contracts' triggers: for each consumer group, its topics and the trigger of
 * each; and for every trigger, why it is not consumed, if it is not.
 *
 * @param groups   consumer group → topic → trigger, for the triggers that run
 * @param triggers every trigger with the reason it does not run (null when it does)
 */
record SubscriptionPlan(Map<String, Map<String, FlowTrigger>> groups, List<Planned> triggers) {

    /** A trigger and, when it does not run, why. */
    record Planned(LiveTrigger live, String inactiveReason) {
    }

    static final SubscriptionPlan EMPTY = new SubscriptionPlan(Map.of(), List.of());

    /**
     * @param off why no trigger may run on this node (Kafka not configured, triggers switched off), or empty
     */
    static SubscriptionPlan of(List<LiveTrigger> live, Optional<String> off) {
        Map<String, Map<String, FlowTrigger>> groups = new TreeMap<>();
        Map<KafkaSource, FlowTrigger> taken = new HashMap<>();
        List<Planned> planned = new ArrayList<>();
        for (LiveTrigger trigger : live) {
            FlowTrigger t = trigger.trigger();
            String reason = off.or(trigger::unavailableReason).orElse(null);
            FlowTrigger first = reason == null ? taken.putIfAbsent(t.kafka(), t) : null;
            if (first != null) {
                // only after a forced start-up: publishing refuses a second trigger on a topic and group
                reason = "topic '" + t.kafka().topic() + "' in group '" + t.kafka().group() + "' is already read for "
                        + first.label();
            }
            if (reason == null) {
                groups.computeIfAbsent(t.kafka().group(), g -> new LinkedHashMap<>()).put(t.kafka().topic(), t);
            }
            planned.add(new Planned(trigger, reason));
        }
        groups.replaceAll((group, topics) -> Collections.unmodifiableMap(topics));
        return new SubscriptionPlan(Collections.unmodifiableMap(groups), List.copyOf(planned));
    }
}
