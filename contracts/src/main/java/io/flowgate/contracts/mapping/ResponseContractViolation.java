package io.flowgate.contracts.mapping;

import io.flowgate.contracts.ContractException;
import io.flowgate.contracts.validation.Violation;

import java.util.List;

/** The flow broke its contract: the response it produced does not match the declared schema (502). */
public final class ResponseContractViolation extends ContractException {

    private final List<Violation> violations;

    public ResponseContractViolation(List<Violation> violations) {
        super("the flow's response breaks the contract: " + violations.get(0).pointer() + " "
                + violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    @Override
    public String code() {
        return "response-contract-violation";
    }
}
