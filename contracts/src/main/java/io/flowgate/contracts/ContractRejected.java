package io.flowgate.contracts;

import java.util.List;

/** A contract failed parsing or a check; nothing was published. */
public final class ContractRejected extends ContractException {

    private final String contract;
    private final List<ContractFinding> findings;

    public ContractRejected(String contract, List<ContractFinding> findings) {
        super("contract '" + contract + "' has " + findings.size() + " problem(s): " + findings.get(0).reason());
        this.contract = contract;
        this.findings = List.copyOf(findings);
    }

    public String contract() {
        return contract;
    }

    public List<ContractFinding> findings() {
        return findings;
    }

    @Override
    public String code() {
        return "contract-rejected";
    }
}
