package io.flowgate.contracts.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} bodies as JSON objects: each field coerced to the type its schema
 * property declares (repeated fields of array properties become arrays), so the schema validates them as JSON.
 */
final class FormBodies {

    static final String MEDIA_TYPE = "application/x-www-form-urlencoded";

    private FormBodies() {
    }

    /** @param fields property name → shape, from the body schema; undeclared fields stay text */
    static JsonNode parse(String body, Map<String, ValueShape> fields) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        values.forEach((name, list) -> object.set(name, Coercion.coerce(list, fields.getOrDefault(name,
                ValueShape.TEXT))));
        return object;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a stray '%' is kept as written; the schema decides whether that is acceptable
        }
    }
}
