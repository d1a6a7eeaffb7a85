package io.flowgate.gateway.events.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.gateway.events.InvalidSubscription;
import io.flowgate.gateway.events.NewSubscription;
import io.flowgate.gateway.problem.GatewayProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the JSON body of {@code POST /admin/subscriptions} by hand, so every mistake is a 400 naming its field (an
 * unknown field, often a typo such as {@code events}, is refused rather than ignored).
 */
public final class SubscriptionRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("url", "eventTypes", "secret", "description");

    private SubscriptionRequests() {
    }

    public static NewSubscription newSubscription(byte[] body) {
        JsonNode json = object(body);
        return new NewSubscription(text(json, "url"), eventTypes(json), text(json, "secret"),
                text(json, "description"));
    }

    private static JsonNode object(byte[] body) {
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
            if (!FIELDS.contains(name)) {
                throw new InvalidSubscription(name, "unknown field '" + name + "'; expected "
                        + FIELDS.stream().sorted().toList());
            }
        }
        return json;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidSubscription(field, field + " must be a string");
        }
        return value.asText();
    }

    private static List<String> eventTypes(JsonNode json) {
        JsonNode value = json.get("eventTypes");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw new InvalidSubscription("eventTypes", "eventTypes must be an array such as [\"order.*\", "
                    + "\"instance.completed\"]");
        }
        List<String> types = new ArrayList<>();
        for (JsonNode type : value) {
            if (!type.isTextual()) {
                throw new InvalidSubscription("eventTypes", "eventTypes must hold strings");
            }
            types.add(type.asText());
        }
        return types;
    }
}
