package io.flowgate.contracts;

/** Base of the contract module's typed failures; {@link #code()} is stable and used in problem type URIs. */
public abstract class ContractException extends RuntimeException {

    protected ContractException(String message) {
        super(message);
    }

    public abstract String code();
}
