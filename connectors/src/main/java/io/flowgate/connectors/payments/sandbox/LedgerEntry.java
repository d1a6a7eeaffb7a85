package io.flowgate.connectors.payments.sandbox;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of the sandbox's payment ledger: one per distinct idempotency key that reached a decision — a charge's,
 * or a charge key that a cancellation claimed first.
 *
 * <p>How a cancelled charge ({@code PaymentProvider.cancel}) shows in the books:
 * <ul>
 *   <li>the provider never saw the charge: one row under the charge's key, status VOIDED, without order, amount or
 *       currency ({@link #voidedBeforeCharge()}); a charge arriving later with that key is declined with reason
 *       {@code voided} and never recorded or captured;</li>
 *   <li>it was authorized or pending: its own row, now VOIDED (never captured);</li>
 *   <li>it was captured: its row stays CAPTURED with {@code refundedAmount == amount}, plus one REFUNDED row in the
 *       refund ledger whose reason starts with {@code cancelled} ({@link #netCharged()} is zero).</li>
 * </ul>
 *
 * @param orderRef null only for a key voided before any charge (as are {@code amount} and {@code currency})
 * @param status   AUTHORIZED, CAPTURED, DECLINED, PENDING, FAILED (a pending payment whose outcome was a failure) or
 *                 VOIDED (cancelled before capture, or a charge key cancelled before any charge)
 * @param reason   why it was declined, failed or voided ({@code voided}, or {@code voided: <the cancellation's
 *                 reason>}); null otherwise
 */
public record LedgerEntry(String paymentId, String idempotencyKey, String orderRef, BigDecimal amount,
                          String currency, boolean capture, String status, BigDecimal refundedAmount, String reason,
                          Instant createdAt) {

    public static final String AUTHORIZED = "AUTHORIZED";
    public static final String CAPTURED = "CAPTURED";
    public static final String DECLINED = "DECLINED";
    public static final String PENDING = "PENDING";
    public static final String FAILED = "FAILED";
    public static final String VOIDED = "VOIDED";

    /** Money taken from the customer and kept: captured and not refunded. */
    public BigDecimal netCharged() {
        return CAPTURED.equals(status) ? amount.subtract(refundedAmount) : BigDecimal.ZERO.setScale(2);
    }

    /** A charge key that a cancellation claimed before any charge used it: no payment, only a refusal to come. */
    public boolean voidedBeforeCharge() {
        return VOIDED.equals(status) && amount == null;
    }
}
