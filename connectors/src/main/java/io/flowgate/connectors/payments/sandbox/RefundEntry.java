package io.flowgate.connectors.payments.sandbox;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of the sandbox's refund ledger, refused refunds included.
 *
 * @param status REFUNDED or DECLINED
 * @param reason why it was refused; for the refund a cancellation made of a captured charge, {@code cancelled} (or
 *               {@code cancelled: <the cancellation's reason>}); null otherwise
 */
public record RefundEntry(String refundId, String idempotencyKey, String paymentId, BigDecimal amount, String status,
                          String reason, Instant createdAt) {

    public static final String REFUNDED = "REFUNDED";
    public static final String DECLINED = "DECLINED";
}
