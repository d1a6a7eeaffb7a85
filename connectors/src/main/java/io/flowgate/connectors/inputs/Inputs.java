package io.flowgate.connectors.inputs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.ConnectorRequest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads connector inputs. A value that cannot be used is {@code INVALID_INPUT} (a business error: retrying the same
 * input cannot help, and the flow usually got it from a client).
 */
public final class Inputs {

    public static final String INVALID_INPUT = "INVALID_INPUT";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LINES = 200;

    private Inputs() {
    }

    /** One requested line. */
    public record Item(String sku, long qty) {

        /** The quantity where a column holds an int (order lines); larger is {@code INVALID_INPUT}. */
        public int intQty() {
            if (qty > Integer.MAX_VALUE) {
                throw invalid("the quantity of '" + sku + "' must be at most " + Integer.MAX_VALUE + ", was " + qty);
            }
            return (int) qty;
        }
    }

    public static String text(ConnectorRequest request, String name) {
        Object value = request.input(name);
        if (value == null || value.toString().isBlank()) {
            throw invalid("'" + name + "' is required");
        }
        return value.toString().trim();
    }

    /** An optional text input, trimmed; empty when absent or blank, {@code INVALID_INPUT} when longer than max. */
    public static Optional<String> optionalText(ConnectorRequest request, String name, int max) {
        Object value = request.input(name);
        if (value == null || value.toString().isBlank()) {
            return Optional.empty();
        }
        String text = value.toString().trim();
        if (text.length() > max) {
            throw invalid("'" + name + "' must be at most " + max + " characters, was " + text.length());
        }
        return Optional.of(text);
    }

    /**
     * A number, or text holding a decimal number. A double is read through its shortest decimal form ({@code 12.5},
     * not {@code 12.4999…}), so amounts typed into a model arrive as written.
     */
    public static BigDecimal decimal(ConnectorRequest request, String name) {
        BigDecimal value = optionalDecimal(request, name);
        if (value == null) {
            throw invalid("'" + name + "' is required");
        }
        return value;
    }

    /** Absent or blank → null; otherwise as {@link #decimal}. */
    public static BigDecimal optionalDecimal(ConnectorRequest request, String name) {
        Object value = request.input(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return asDecimal(value);
        } catch (IllegalArgumentException e) {
            throw invalid("'" + name + "' must be a number, was " + value);
        }
    }

    /**
     * A number or a decimal string as a BigDecimal; doubles go through their shortest decimal form ({@code 12.5},
     * not {@code 12.4999…}).
     *
     * @throws IllegalArgumentException when the value is neither
     */
    public static BigDecimal asDecimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number || value instanceof CharSequence) {
            return new BigDecimal(value.toString().trim());
        }
        throw new IllegalArgumentException("not a number: " + value.getClass().getSimpleName());
    }

    /**
     * {@code [{sku, qty}]} as a list or as JSON text; the same SKU twice is one line with the quantities added.
     * Sorted by SKU, so every writer locks rows in the same order (no deadlocks between writers).
     */
    public static List<Item> items(ConnectorRequest request, String name) {
        Object value = request.input(name);
        if (value instanceof String text) {
            try {
                value = JSON.readValue(text, Object.class);
            } catch (JsonProcessingException e) {
                throw invalid("'" + name + "' is not a JSON array of {sku, qty}");
            }
        }
        if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > MAX_LINES) {
            throw invalid("'" + name + "' must be a list of 1 to " + MAX_LINES + " {sku, qty} items");
        }
        Map<String, Long> bySku = new TreeMap<>();
        for (Object element : list) {
            if (!(element instanceof Map<?, ?> item) || item.get("sku") == null
                    || item.get("sku").toString().isBlank()) {
                throw invalid("every item of '" + name + "' needs a sku");
            }
            String sku = item.get("sku").toString().trim();
            bySku.merge(sku, positive(item.get("qty"), name + "[" + sku + "].qty"), Math::addExact);
        }
        return bySku.entrySet().stream().map(e -> new Item(e.getKey(), e.getValue())).toList();
    }

    public static long positive(ConnectorRequest request, String name) {
        return positive(request.input(name), name);
    }

    /** A whole number other than zero, negative allowed. */
    public static long nonZero(ConnectorRequest request, String name) {
        long value = whole(request.input(name), name);
        if (value == 0) {
            throw invalid("'" + name + "' must not be 0");
        }
        return value;
    }

    /** Absent → {@code fallback}; else seconds or an ISO-8601 duration ({@code PT10M}), at most {@code max}. */
    public static Duration duration(ConnectorRequest request, String name, Duration fallback, Duration max) {
        Object value = request.input(name);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        Duration duration;
        try {
            duration = value instanceof Number || value.toString().trim().matches("\\d+")
                    ? Duration.ofSeconds(whole(value, name))
                    : Duration.parse(value.toString().trim());
        } catch (DateTimeParseException e) {
            throw invalid("'" + name + "' must be seconds or an ISO-8601 duration such as PT10M, was " + value);
        }
        if (duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(max) > 0) {
            throw invalid("'" + name + "' must be between 1s and " + max + ", was " + duration);
        }
        return duration;
    }

    static long positive(Object value, String name) {
        long number = whole(value, name);
        if (number <= 0) {
            throw invalid("'" + name + "' must be a positive whole number, was " + value);
        }
        return number;
    }

    private static long whole(Object value, String name) {
        try {
            return new BigDecimal(value.toString().trim()).longValueExact();
        } catch (NullPointerException | ArithmeticException | NumberFormatException e) {
            throw invalid("'" + name + "' must be a whole number, was " + value);
        }
    }

    public static ConnectorBusinessError invalid(String message) {
        return new ConnectorBusinessError(INVALID_INPUT, message);
    }
}
