package io.flowgate.connectors.payments;

import io.flowgate.connectors.inputs.Inputs;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Checks and conversions for amounts and currencies, shared by requests, connectors and the sandbox. */
public final class Money {

    /** Amounts are kept with two decimals (minor units of most currencies). */
    public static final int SCALE = 2;
    private static final BigDecimal MAX = new BigDecimal("999999999999.99");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private Money() {
    }

    /** A positive amount with at most two decimals, normalised to scale 2; otherwise an explanation. */
    public static BigDecimal checkAmount(BigDecimal amount, String name) {
        if (amount == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (amount.signum() <= 0 || amount.compareTo(MAX) > 0) {
            throw new IllegalArgumentException(name + " must be positive and at most " + MAX + ", was " + amount);
        }
        if (amount.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException(name + " must have at most " + SCALE + " decimals, was " + amount);
        }
        return amount.setScale(SCALE);
    }

    public static String checkCurrency(String currency) {
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code of three upper-case letters, was "
                    + currency);
        }
        return currency;
    }

    /**
     * Reads an amount from a process variable or JSON value: a number or a decimal string. Doubles go through their
     * shortest decimal form ({@code 12.5}, not {@code 12.4999…}).
     */
    public static BigDecimal parse(Object value, String name) {
        if (value == null) {
            return null;
        }
        try {
            return Inputs.asDecimal(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not a number: " + value);
        }
    }
}
