package io.flowgate.contracts.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.internal.JsonPointers;

/**
 * The type a parameter's text is coerced to before validation: the schema's type (the first non-null one of a 3.1
 * type array) and, for arrays, the items' type.
 *
 * @param type     string, integer, number, boolean, array or object; string when the schema does not say
 * @param itemType for arrays
 */
public record ValueShape(String type, String itemType) {

    public static final ValueShape TEXT = new ValueShape("string", null);

    public static ValueShape of(JsonNode document, JsonNode schema) {
        JsonNode resolved = JsonPointers.follow(document, schema, "").node();
        String type = typeOf(resolved);
        if (!"array".equals(type)) {
            return new ValueShape(type, null);
        }
        JsonNode items = JsonPointers.follow(document, resolved.path("items"), "").node();
        return new ValueShape(type, typeOf(items));
    }

    public boolean isArray() {
        return "array".equals(type);
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.isTextual() && !"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        return schema.has("items") ? "array" : "string";
    }
}
