package io.flowgate.connectors.payments;

/**
 * A technical failure talking to the payment provider: the outcome of the call is unknown or the provider broke.
 * Never a business answer (those are {@link PaymentStatus#DECLINED} results). Retrying with the <em>same</em>
 * idempotency key is always safe: the provider answers the first outcome instead of acting twice.
 */
public class PaymentProviderException extends RuntimeException {

    /** What went wrong, for logs, metrics and retry decisions. */
    public enum Kind {
        /** No answer within the read timeout: the provider may or may not have acted. */
        TIMEOUT,
        /** Could not connect or the connection broke. */
        UNAVAILABLE,
        /** The provider answered 5xx. */
        SERVER_ERROR,
        /** The provider refused the request itself (4xx), e.g. an idempotency key reused for another payment. */
        REJECTED,
        /** An answer that cannot be read. */
        BAD_RESPONSE
    }

    private final Kind kind;
    private final String operation;

    public PaymentProviderException(Kind kind, String operation, String message, Throwable cause) {
        super("payment provider " + operation + " failed (" + kind + "): " + message, cause);
        this.kind = kind;
        this.operation = operation;
    }

    public Kind kind() {
        return kind;
    }

    /** {@code authorize}, {@code capture}, {@code refund}, {@code cancel} or {@code find}. */
    public String operation() {
        return operation;
    }
}
