package io.flowgate.gateway.users.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.users.InvalidUserField;
import io.flowgate.gateway.users.NewUser;
import io.flowgate.gateway.users.UserChange;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the JSON bodies of {@code /admin/users} by hand, so every mistake is a 400 naming its field (and an unknown
 * field, often a typo such as {@code role}, is refused rather than ignored).
 */
public final class UserRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CREATE_FIELDS = Set.of("username", "password", "roles", "tenant");
    private static final Set<String> CHANGE_FIELDS = Set.of("password", "roles", "tenant");

    private UserRequests() {
    }

    public static NewUser newUser(byte[] body) {
        JsonNode json = object(body, CREATE_FIELDS);
        List<String> roles = roles(json);
        return new NewUser(text(json, "username"), text(json, "password"), roles == null ? List.of() : roles,
                text(json, "tenant"));
    }

    public static UserChange change(byte[] body) {
        JsonNode json = object(body, CHANGE_FIELDS);
        return new UserChange(text(json, "password"), roles(json), json.has("tenant"), text(json, "tenant"));
    }

    private static JsonNode object(byte[] body, Set<String> fields) {
        if (body == null || body.length == 0) {
            throw GatewayProblem.badRequest("invalid-body", "send a JSON object as the request body");
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JacksonException e) {
            throw GatewayProblem.badRequest("invalid-body", "the request body is not valid JSON");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (json == null || !json.isObject()) {
            throw GatewayProblem.badRequest("invalid-body", "send a JSON object as the request body");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new InvalidUserField(name, "unknown field '" + name + "'; expected " + fields.stream().sorted()
                        .toList());
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
            throw new InvalidUserField(field, field + " must be a string");
        }
        return value.asText();
    }

    private static List<String> roles(JsonNode json) {
        JsonNode value = json.get("roles");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw new InvalidUserField("roles", "roles must be an array of role names");
        }
        List<String> roles = new ArrayList<>();
        for (JsonNode role : value) {
            if (!role.isTextual()) {
                throw new InvalidUserField("roles", "roles must be an array of role names");
            }
            roles.add(role.asText());
        }
        return roles;
    }
}
