package io.flowgate.connectors.payments.sandbox;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of the sandbox's payment ledger: one per distinct idempotency key that reached a decision.
 *
 * @param status AUTHORIZED, CAPTURED, DECLINED, PENDING or FAILED (a pending payment whose outcome was a failure)
 */
public record LedgerEntry(String paymentId, String idempotencyKey, String orderRef, BigDecimal amount,
                          String currency, boolean capture, String status, BigDecimal refundedAmount, String reason,
                          Instant createdAt) {

    public static final String AUTHORIZED = "AUTHORIZED";
    public static final String CAPTURED = "CAPTURED";
    public static final String DECLINED = "DECLINED";
    public static final String PENDING = "PENDING";
    public static final String FAILED = "FAILED";

    /** Money taken from the customer and kept: captured and not refunded. */
    public BigDecimal netCharged() {
        return CAPTURED.equals(status) ? amount.subtract(refundedAmount) : BigDecimal.ZERO.setScale(2);
    }
}
