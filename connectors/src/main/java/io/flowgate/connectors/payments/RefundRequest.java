package io.flowgate.connectors.payments;

import java.math.BigDecimal;

/**
 * Money to give back on a captured payment.
 *
 * @param paymentId the provider's payment id
 * @param amount    how much; null means everything not refunded yet
 */
public record RefundRequest(String paymentId, BigDecimal amount) {

    public RefundRequest {
        if (paymentId == null || paymentId.isBlank()) {
            throw new IllegalArgumentException("paymentId is required");
        }
        if (amount != null) {
            amount = Money.checkAmount(amount, "amount");
        }
    }

    public static RefundRequest full(String paymentId) {
        return new RefundRequest(paymentId, null);
    }
}
