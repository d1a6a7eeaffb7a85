package io.flowgate.gateway.problem;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads an admin request's JSON body by hand, so every mistake is a 400 naming its field, and an unknown field
 * (often a typo) is refused rather than ignored. Each feature supplies its own field problem (its type URI).
 */
public final class JsonBody {

    /** The problem for a wrong or unknown field. */
    public interface FieldProblem {
        GatewayProblem of(String field, String detail);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FieldProblem problem;

    public JsonBody(FieldProblem problem) {
        this.problem = problem;
    }

    /** The body as a JSON object holding only {@code fields}. */
    public JsonNode object(byte[] body, Set<String> fields) {
        JsonNode json;
        try {
            json = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            throw GatewayProblem.badRequest("invalid-body", "the request body is not valid JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (json == null || !json.isObject()) {
            throw GatewayProblem.badRequest("invalid-body", "send a JSON object as the request body");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw problem.of(name, "unknown field '" + name + "'; expected " + fields.stream().sorted().toList());
            }
        }
        return json;
    }

    /** A string field; null when absent or null. */
    public String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw problem.of(field, field + " must be a string");
        }
        return value.asText();
    }

    /**
     * An array of strings; null when absent or null.
     *
     * @param notArray  the detail when the value is not an array
     * @param notString the detail when an element is not a string
     */
    public List<String> strings(JsonNode json, String field, String notArray, String notString) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw problem.of(field, notArray);
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw problem.of(field, notString);
            }
            strings.add(element.asText());
        }
        return strings;
    }
}
