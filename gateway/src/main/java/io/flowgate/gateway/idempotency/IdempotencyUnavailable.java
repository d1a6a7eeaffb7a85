package io.flowgate.gateway.idempotency;

/**
 * The idempotency store could not be read or written (database or Redis down). The stage answers 503: running the
 * request without the store could execute it twice, which is exactly what the client's key asked us to prevent.
 */
public class IdempotencyUnavailable extends RuntimeException {

    public IdempotencyUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
