package io.flowgate.connectors.payments;

import java.math.BigDecimal;

/**
 * A provider's answer to a refund.
 *
 * @param refundId  provider's id of this refund (also for a refused one)
 * @param paymentId the payment refunded
 * @param status    {@link PaymentStatus#APPROVED}, or {@link PaymentStatus#DECLINED} when the provider refuses (more
 *                  than what is left, a payment never captured, an unknown payment)
 * @param amount    the amount refunded (or asked for, when refused)
 * @param reason    why it was refused; null otherwise
 */
public record RefundResult(String refundId, String paymentId, PaymentStatus status, BigDecimal amount,
                           String reason) {

    public boolean approved() {
        return status == PaymentStatus.APPROVED;
    }
}
