package io.flowgate.contracts;

import java.util.List;

/**
 * A live contract as the admin API shows it.
 *
 * @param contract   newest version
 * @param findings   current check failures (after a forced start-up or a flow change), empty when healthy
 */
public record ContractView(Contract contract, List<ContractFinding> findings) {
    public ContractView {
        findings = List.copyOf(findings);
    }
}
