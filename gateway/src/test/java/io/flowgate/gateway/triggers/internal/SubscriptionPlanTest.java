package io.flowgate.gateway.triggers.internal;

import io.flowgate.contracts.FlowAction;
import io.flowgate.contracts.TenantSource;
import io.flowgate.contracts.triggers.FlowTrigger;
import io.flowgate.contracts.triggers.KafkaSource;
import io.flowgate.contracts.triggers.LiveTrigger;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionPlanTest {

    private static LiveTrigger trigger(String contract, int index, String topic, String group, String unavailable) {
        return new LiveTrigger(new FlowTrigger(contract, index, new KafkaSource(topic, group), "flow",
                FlowAction.START, null, Optional.empty(), event -> null, TenantSource.NONE), 1,
                Optional.ofNullable(unavailable));
    }

    @Test
    void oneConsumerPerGroupReadsEveryTopicOfItsTriggers() {
        SubscriptionPlan plan = SubscriptionPlan.of(List.of(trigger("a", 0, "t1", "g1", null),
                trigger("a", 1, "t2", "g1", null), trigger("b", 0, "t1", "g2", null)), Optional.empty());

        assertThat(plan.groups()).containsOnlyKeys("g1", "g2");
        assertThat(plan.groups().get("g1")).containsOnlyKeys("t1", "t2");
        assertThat(plan.groups().get("g2")).containsOnlyKeys("t1");
        assertThat(plan.triggers()).extracting(SubscriptionPlan.Planned::inactiveReason).containsOnlyNulls();
    }

    @Test
    void aTriggerWithFindingsIsNotConsumed() {
        SubscriptionPlan plan = SubscriptionPlan.of(List.of(trigger("a", 0, "t1", "g1", "flow 'x' is gone"),
                trigger("a", 1, "t2", "g1", null)), Optional.empty());

        assertThat(plan.groups().get("g1")).containsOnlyKeys("t2");
        assertThat(plan.triggers().get(0).inactiveReason()).isEqualTo("flow 'x' is gone");
    }

    @Test
    void nothingIsConsumedWhenTheNodeCannotAndEveryTriggerSaysWhy() {
        SubscriptionPlan plan = SubscriptionPlan.of(List.of(trigger("a", 0, "t1", "g1", null),
                trigger("a", 1, "t2", "g1", "broken")), Optional.of("Kafka is not configured"));

        assertThat(plan.groups()).isEmpty();
        assertThat(plan.triggers()).extracting(SubscriptionPlan.Planned::inactiveReason)
                .containsOnly("Kafka is not configured");
    }

    @Test
    void aSecondTriggerOnTheSameTopicAndGroupStaysInactiveAfterAForcedStartUp() {
        SubscriptionPlan plan = SubscriptionPlan.of(List.of(trigger("a", 0, "t1", "g1", null),
                trigger("b", 0, "t1", "g1", null)), Optional.empty());

        assertThat(plan.groups().get("g1").get("t1").contractName()).isEqualTo("a");
        assertThat(plan.triggers().get(1).inactiveReason()).contains("is already read for a x-flow-triggers[0]");
    }
}
