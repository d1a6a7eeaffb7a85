package io.flowgate.contracts.internal.triggers;

import io.flowgate.contracts.Contract;
import io.flowgate.contracts.ContractFinding;
import io.flowgate.contracts.triggers.FlowTrigger;
import io.flowgate.contracts.triggers.KafkaSource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two live contracts may not read the same topic in the same consumer group: the group gets each record once, and a
 * message id is processed once per group and topic, so only one of the two triggers would ever see a record.
 */
public final class TriggerConflicts {

    private TriggerConflicts() {
    }

    /** Triggers of the candidate whose topic and group another live contract (not one of the same name) reads. */
    public static List<ContractFinding> of(Contract candidate, Collection<Contract> others) {
        Map<KafkaSource, FlowTrigger> claimed = new HashMap<>();
        for (Contract other : others) {
            if (!other.name().equals(candidate.name())) {
                other.triggers().forEach(t -> claimed.putIfAbsent(t.kafka(), t));
            }
        }
        List<ContractFinding> findings = new ArrayList<>();
        for (FlowTrigger trigger : candidate.triggers()) {
            FlowTrigger owner = claimed.get(trigger.kafka());
            if (owner != null) {
                findings.add(ContractFinding.ofTrigger(candidate.name(), trigger.location(), trigger.location()
                        + ": topic '" + trigger.kafka().topic() + "' in group '" + trigger.kafka().group()
                        + "' is already read by contract '" + owner.contractName() + "' " + owner.location()
                        + "; use another group to read it twice"));
            }
        }
        return findings;
    }
}
