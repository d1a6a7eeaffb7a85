package io.flowgate.connectors.payments;

import java.math.BigDecimal;

/**
 * A payment to authorize, and capture at once when {@code capture} is true (a "sale").
 *
 * @param orderRef     the merchant's reference (the order id), kept by the provider and shown in its ledger
 * @param amount       positive, at most two decimals, in {@code currency}
 * @param currency     ISO 4217 code, three upper-case letters
 * @param paymentToken a tokenized card or a payment method name; never a raw card number
 * @param capture      true: authorize and capture in one step; false: authorize only, {@code capture(…)} later
 */
public record PaymentRequest(String orderRef, BigDecimal amount, String currency, String paymentToken,
                             boolean capture) {

    public PaymentRequest {
        if (orderRef == null || orderRef.isBlank() || orderRef.length() > 200) {
            throw new IllegalArgumentException("orderRef must be 1 to 200 characters");
        }
        amount = Money.checkAmount(amount, "amount");
        currency = Money.checkCurrency(currency);
        if (paymentToken == null || paymentToken.isBlank() || paymentToken.length() > 200) {
            throw new IllegalArgumentException("paymentToken must be 1 to 200 characters");
        }
    }

    /** A sale: authorize and capture in one call. */
    public static PaymentRequest sale(String orderRef, BigDecimal amount, String currency, String paymentToken) {
        return new PaymentRequest(orderRef, amount, currency, paymentToken, true);
    }
}
