package io.flowgate.connectors.payments;

import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.inputs.Inputs;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Reads the payment connectors' inputs with {@link Inputs}, adding the money rules of {@link Money}: anything a
 * provider would refuse is {@code INVALID_INPUT} before a call is made (retrying the same input cannot help).
 */
final class PaymentInputs {

    /** What providers accept for references, tokens and reasons. */
    static final int MAX_TEXT = 200;

    private PaymentInputs() {
    }

    static String text(ConnectorRequest request, String name) {
        String text = Inputs.text(request, name);
        if (text.length() > MAX_TEXT) {
            throw Inputs.invalid("'" + name + "' must be at most " + MAX_TEXT + " characters, was " + text.length());
        }
        return text;
    }

    /** A positive amount with at most two decimals. */
    static BigDecimal amount(ConnectorRequest request, String name) {
        return checked(Inputs.decimal(request, name), name);
    }

    /** Absent → null; otherwise as {@link #amount}. */
    static BigDecimal optionalAmount(ConnectorRequest request, String name) {
        BigDecimal amount = Inputs.optionalDecimal(request, name);
        return amount == null ? null : checked(amount, name);
    }

    static String currency(ConnectorRequest request, String name) {
        String currency = Inputs.text(request, name);
        try {
            return Money.checkCurrency(currency);
        } catch (IllegalArgumentException e) {
            throw Inputs.invalid("'" + name + "' must be an ISO 4217 code of three upper-case letters, was "
                    + currency);
        }
    }

    /** The first of {@code names} that is given (e.g. a card token, else a payment method name). */
    static String firstOf(ConnectorRequest request, String... names) {
        for (String name : names) {
            Optional<String> value = Inputs.optionalText(request, name, MAX_TEXT);
            if (value.isPresent()) {
                return value.get();
            }
        }
        throw Inputs.invalid("'" + String.join("' or '", names) + "' is required");
    }

    private static BigDecimal checked(BigDecimal amount, String name) {
        try {
            return Money.checkAmount(amount, "'" + name + "'");
        } catch (IllegalArgumentException e) {
            throw Inputs.invalid(e.getMessage());
        }
    }
}
