package io.flowgate.gateway.problem;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * 400: a query parameter of a built-in endpoint is malformed or out of range; the problem names it in
 * {@code field}. The parsers here turn a parameter's text into a value or into this problem.
 */
public class InvalidParameter extends GatewayProblem {

    public static final String CODE = "invalid-parameter";

    private final String field;

    public InvalidParameter(String field, String detail) {
        super(Problem.of(400, CODE, "Bad Request", detail).with("field", field));
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** A whole number within [min, max]; {@code fallback} when the parameter is absent. */
    public static Integer wholeNumber(String field, String text, Integer fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below with the range
        }
        throw new InvalidParameter(field, field + " must be a whole number from " + min + " to " + max
                + ", was '" + text + "'");
    }

    /** An ISO-8601 instant such as {@code 2026-11-23T10:00:00Z}; null when the parameter is absent. */
    public static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(field, field + " must be an ISO-8601 instant such as 2026-11-23T10:00:00Z "
                    + "(UTC, or with an offset such as +01:00), was '" + text + "'");
        }
    }
}
