package io.flowgate.contracts.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.validation.RequestData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One declared parameter, compiled: where it is read, how its text is split (style / explode) and coerced, and
 * its schema (null when none is declared).
 */
record ParameterSpec(String name, String in, boolean required, String style, boolean explode, ValueShape shape,
                     CompiledSchema schema) {

    /** @return the raw text values of the parameter, null when the request does not carry it */
    List<String> rawValues(RequestData request) {
        switch (in) {
            case "path": {
                String value = (request.pathParameters() == null ? null : request.pathParameters().get(name));
                return value == null ? null : split(List.of(value), ",");
            }
            case "header": {
                List<String> values = request.headers() == null ? null
                        : request.headers().get(name.toLowerCase(Locale.ROOT));
                return values == null || values.isEmpty() ? null : split(values, ",");
            }
            default: {
                List<String> values = request.query() == null ? null : request.query().get(name);
                if (values == null || values.isEmpty()) {
                    return null;
                }
                return explode ? values : split(values, delimiter());
            }
        }
    }

    JsonNode coerce(List<String> values) {
        return Coercion.coerce(values, shape);
    }

    private String delimiter() {
        return switch (style) {
            case "spaceDelimited" -> " ";
            case "pipeDelimited" -> "|";
            default -> ",";
        };
    }

    /** Only arrays are split: a comma inside a scalar value is just a comma. */
    private List<String> split(List<String> values, String delimiter) {
        if (!shape.isArray()) {
            return values;
        }
        List<String> parts = new ArrayList<>();
        for (String value : values) {
            if (!value.isEmpty()) {
                parts.addAll(Arrays.asList(value.split(java.util.regex.Pattern.quote(delimiter), -1)));
            }
        }
        return parts;
    }

    static Map<String, String> defaultStyles() {
        return Map.of("path", "simple", "query", "form", "header", "simple");
    }
}
