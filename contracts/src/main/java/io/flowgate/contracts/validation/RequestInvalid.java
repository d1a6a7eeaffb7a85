package io.flowgate.contracts.validation;

import io.flowgate.contracts.ContractException;

import java.util.List;

/** The request breaks its contract: 400 with every violation. */
public final class RequestInvalid extends ContractException {

    private final List<Violation> violations;

    public RequestInvalid(List<Violation> violations) {
        super(violations.size() + " violation(s) of the contract: " + violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    @Override
    public String code() {
        return "request-invalid";
    }
}
