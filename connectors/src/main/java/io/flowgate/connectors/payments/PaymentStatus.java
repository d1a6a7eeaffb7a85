package io.flowgate.connectors.payments;

/**
 * What a provider answered to an authorization, capture or refund.
 *
 * <p>{@link #PENDING} is not a failure: the provider has accepted the request and will tell its final outcome later
 * through a callback (webhook). A flow that receives it waits for a {@code PaymentConfirmed} or {@code PaymentFailed}
 * message correlated by the payment id (see {@link PaymentResult}).
 */
public enum PaymentStatus {
    /** Authorized (and captured when asked to); for a refund: the money is on its way back. */
    APPROVED,
    /** Refused for a business reason (card declined, insufficient funds, refund larger than what is left). */
    DECLINED,
    /** Accepted, outcome not known yet: it arrives later as a callback. */
    PENDING
}
