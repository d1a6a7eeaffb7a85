package io.flowgate.contracts.internal.store;

/** The contract database failed; a technical fault, not the caller's. */
public final class StoreFailure extends RuntimeException {

    public StoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
