package io.flowgate.contracts.internal.validation;

/** A schema of the contract cannot be compiled; the message is the finding's reason. */
public final class SchemaCompileError extends RuntimeException {

    public SchemaCompileError(String message) {
        super(message);
    }
}
