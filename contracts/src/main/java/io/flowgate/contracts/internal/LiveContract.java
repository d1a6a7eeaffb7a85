package io.flowgate.contracts.internal;

import io.flowgate.contracts.Contract;
import io.flowgate.contracts.ContractFinding;
import io.flowgate.contracts.ContractView;
import io.flowgate.contracts.Operation;
import io.flowgate.contracts.triggers.FlowTrigger;
import io.flowgate.contracts.triggers.LiveTrigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A contract being served and why parts of it may not be available.
 *
 * @param contract       the newest version
 * @param staticFindings compile and route-conflict findings accepted at a forced start-up
 * @param checkFindings  the latest binding-check findings
 */
record LiveContract(Contract contract, List<ContractFinding> staticFindings, List<ContractFinding> checkFindings) {

    LiveContract {
        staticFindings = List.copyOf(staticFindings);
        checkFindings = List.copyOf(checkFindings);
    }

    static LiveContract healthy(Contract contract) {
        return new LiveContract(contract, List.of(), List.of());
    }

    LiveContract withCheckFindings(List<ContractFinding> findings) {
        return new LiveContract(contract, staticFindings, findings);
    }

    List<ContractFinding> findings() {
        List<ContractFinding> all = new ArrayList<>(staticFindings);
        all.addAll(checkFindings);
        return all;
    }

    ContractView view() {
        return new ContractView(contract, findings());
    }

    /** Why an operation answers 503: its own findings, else a finding about the whole contract. */
    Optional<String> unavailableReason(Operation op) {
        List<String> reasons = new ArrayList<>();
        for (ContractFinding f : findings()) {
            if (f.aboutDocument() || (op.method().equals(f.method()) && op.path().equals(f.path()))) {
                reasons.add(f.reason());
            }
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    /** Why a trigger may not run: its own findings, else a finding about the whole contract. */
    Optional<String> unavailableReason(FlowTrigger trigger) {
        List<String> reasons = findings().stream()
                .filter(f -> f.aboutDocument() || f.aboutTrigger(trigger.location()))
                .map(ContractFinding::reason).toList();
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    List<LiveTrigger> triggers() {
        return contract.triggers().stream()
                .map(t -> new LiveTrigger(t, contract.version(), unavailableReason(t))).toList();
    }
}
