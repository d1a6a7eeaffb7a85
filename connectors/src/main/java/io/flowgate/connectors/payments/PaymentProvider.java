package io.flowgate.connectors.payments;

import java.util.Optional;

/**
 * Flowgate's own small interface in front of a payment service provider.
 *
 * <p>Every call that moves money takes an idempotency key: the provider remembers the key with its first outcome and
 * answers that outcome again for a repeated key, without acting twice. Callers derive the key from something stable
 * across retries (for connectors: {@link io.flowgate.connectors.ConnectorRequest#idempotencyKey()}), so a retried
 * job or a re-delivered message cannot charge or refund twice.
 *
 * <p>Business outcomes are results ({@link PaymentStatus#DECLINED} with a reason; {@link PaymentStatus#PENDING} when
 * the outcome arrives later by callback). Technical failures — timeouts, connection errors, 5xx — are
 * {@link PaymentProviderException}: the outcome is unknown and the call must be retried with the same key.
 */
public interface PaymentProvider {

    /** Authorizes the payment, and captures it when {@link PaymentRequest#capture()} is true. */
    PaymentResult authorize(PaymentRequest request, String idempotencyKey);

    /** Captures the full amount of an authorized payment. Capturing a captured payment answers it unchanged. */
    PaymentResult capture(String paymentId, String idempotencyKey);

    /** Refunds part or all of a captured payment; never more than captured minus already refunded. */
    RefundResult refund(RefundRequest request, String idempotencyKey);

    /**
     * Cancels the charge made (or still to be made) under the given charge idempotency key: if it was captured,
     * refunds it in full; if the provider never saw it, remembers the key as voided so a late charge with that key is
     * refused ({@link PaymentStatus#DECLINED} with reason {@code voided}) and never captured. An authorized or pending
     * charge is voided before capture. For a flow that stopped waiting for a charge's answer: whatever happened to
     * the charge (captured with its answer lost, still on its way, or retried later), the customer ends up not
     * charged.
     *
     * <p>Idempotent per {@code idempotencyKey}; cancelling the same charge again never refunds twice.
     */
    CancelResult cancel(CancelRequest request, String idempotencyKey);

    /** The current state of a payment (e.g. to poll a pending one); empty when the provider does not know it. */
    Optional<PaymentResult> find(String paymentId);
}
