package io.flowgate.contracts.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Turns parameter text into the JSON type its schema declares. Text that does not parse stays text, so the schema
 * validator reports the mismatch ("string found, integer expected") with its usual message.
 */
final class Coercion {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_NUMBER_CHARS = 400;

    private Coercion() {
    }

    static JsonNode coerce(List<String> values, ValueShape shape) {
        if (shape.isArray()) {
            ArrayNode array = NODES.arrayNode();
            values.forEach(v -> array.add(scalar(v, shape.itemType())));
            return array;
        }
        return scalar(values.get(0), shape.type());
    }

    static JsonNode scalar(String text, String type) {
        if (type == null || text.length() > MAX_NUMBER_CHARS) {
            return TextNode.valueOf(text);
        }
        try {
            switch (type) {
                case "integer":
                    return integer(new BigInteger(text.strip()));
                case "number":
                    return NODES.numberNode(new BigDecimal(text.strip()));
                case "boolean":
                    return "true".equals(text) ? BooleanNode.TRUE
                            : "false".equals(text) ? BooleanNode.FALSE : TextNode.valueOf(text);
                default:
                    return TextNode.valueOf(text);
            }
        } catch (NumberFormatException e) {
            return TextNode.valueOf(text);
        }
    }

    private static JsonNode integer(BigInteger value) {
        if (value.bitLength() < 32) {
            return NODES.numberNode(value.intValue());
        }
        return value.bitLength() < 64 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
    }
}
