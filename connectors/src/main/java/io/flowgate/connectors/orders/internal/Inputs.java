package io.flowgate.connectors.orders.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.ConnectorRequest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
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
    public record Item(String sku, int qty) {
    }

    public static String text(ConnectorRequest request, String name) {
        Object value = request.input(name);
        if (value == null || value.toString().isBlank()) {
            throw invalid("'" + name + "' is required");
        }
        return value.toString().trim();
    }

    /**
     * {@code [{sku, qty}]} as a list or as JSON text; the same SKU twice is one line with the quantities added.
     * Sorted by SKU, so every writer locks rows in the same order.
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
        Map<String, Integer> bySku = new TreeMap<>();
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

    static int positive(Object value, String what) {
        try {
            BigDecimal number = new BigDecimal(value.toString().trim());
            int qty = number.intValueExact();
            if (qty > 0) {
                return qty;
            }
        } catch (NullPointerException | ArithmeticException | NumberFormatException e) {
            // fall through to the message below
        }
        throw invalid("'" + what + "' must be a positive whole number, was " + value);
    }

    public static ConnectorBusinessError invalid(String message) {
        return new ConnectorBusinessError(INVALID_INPUT, message);
    }
}
