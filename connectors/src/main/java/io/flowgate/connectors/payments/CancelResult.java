package io.flowgate.connectors.payments;

import java.math.BigDecimal;

/**
 * A provider's answer to a cancellation.
 *
 * @param status    how it ended
 * @param paymentId the charge's payment id; null when the provider never saw the charge
 * @param refundId  the refund this cancellation made; null when it made none (nothing captured, or the payment was
 *                  already refunded in full)
 * @param refunded  the amount this cancellation refunded; null when it made no refund
 */
public record CancelResult(CancelStatus status, String paymentId, String refundId, BigDecimal refunded) {
}
