package io.flowgate.connectors.payments.sandbox.internal;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How the sandbox answers a payment, chosen from test data. The payment token (or method) names a behaviour;
 * otherwise an amount whose cents are {@code .13} is declined; anything else is approved.
 */
public enum Steering {
    APPROVE,
    /** token {@code decline}, or amount ending in {@code .13}: DECLINED with a reason. */
    DECLINE,
    /** token {@code pending}: PENDING, then settled approved after the configured settle delay. */
    PENDING,
    /** token {@code pending-decline}: PENDING, then settled as failed after the configured settle delay. */
    PENDING_DECLINE,
    /** token {@code pending-manual}: PENDING until someone settles it ({@code SandboxPaymentServer.settle}). */
    PENDING_MANUAL,
    /** token {@code slow}: approved after the configured slow delay (within the client's read timeout). */
    SLOW,
    /** token {@code timeout}: sleeps past the client's read timeout and records nothing, every time. */
    TIMEOUT,
    /**
     * token {@code timeout-once}: records the approved charge, then sleeps past the client's timeout (a lost
     * answer); a retry with the same key is answered at once with that charge.
     */
    TIMEOUT_ONCE,
    /**
     * token {@code timeout-captured}: captures and records the charge, then sleeps past the client's timeout on every
     * request with that key, retries included: the money is taken and the answer lost for good, so only a
     * cancellation ({@code PaymentProvider.cancel}) gives it back.
     */
    TIMEOUT_CAPTURED,
    /** token {@code error}: answers 500 and records nothing, every time. */
    ERROR;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal DECLINED_CENTS = BigDecimal.valueOf(13);

    public static Steering of(String token, BigDecimal amount) {
        String t = token == null ? "" : token.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "decline" -> DECLINE;
            case "pending" -> PENDING;
            case "pending-decline" -> PENDING_DECLINE;
            case "pending-manual" -> PENDING_MANUAL;
            case "slow" -> SLOW;
            case "timeout" -> TIMEOUT;
            case "timeout-once" -> TIMEOUT_ONCE;
            case "timeout-captured" -> TIMEOUT_CAPTURED;
            case "error" -> ERROR;
            default -> centsAre13(amount) ? DECLINE : APPROVE;
        };
    }

    private static boolean centsAre13(BigDecimal amount) {
        return amount.movePointRight(2).remainder(HUNDRED).compareTo(DECLINED_CENTS) == 0;
    }

    public String declineReason(String token) {
        return "decline".equalsIgnoreCase(token == null ? "" : token.trim())
                ? "card declined (sandbox token 'decline')"
                : "insufficient funds (sandbox: amount ending in .13)";
    }
}
