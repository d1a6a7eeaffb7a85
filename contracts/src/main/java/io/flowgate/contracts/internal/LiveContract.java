package io.flowgate.contracts.internal;

import io.flowgate.contracts.Contract;
import io.flowgate.contracts.ContractFinding;
import io.flowgate.contracts.ContractView;
import io.flowgate.contracts.Operation;

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
            if (f.method() == null || (f.method().equals(op.method()) && f.path().equals(op.path()))) {
                reasons.add(f.reason());
            }
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }
}
