package io.flowgate.contracts.internal;

import io.flowgate.contracts.BindingCheck;
import io.flowgate.contracts.Contract;
import io.flowgate.contracts.ContractFinding;

import java.util.ArrayList;
import java.util.List;

/** Runs every registered {@link BindingCheck}; a check that throws becomes a finding rather than a server error. */
final class BindingChecks {

    private final List<BindingCheck> checks;

    BindingChecks(List<BindingCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    List<ContractFinding> run(Contract contract) {
        List<ContractFinding> findings = new ArrayList<>();
        for (BindingCheck check : checks) {
            try {
                List<ContractFinding> found = check.check(contract);
                if (found != null) {
                    findings.addAll(found);
                }
            } catch (RuntimeException e) {
                findings.add(ContractFinding.ofDocument(contract.name(),
                        "binding check " + check.getClass().getSimpleName() + " failed: " + e.getMessage()));
            }
        }
        return findings;
    }
}
