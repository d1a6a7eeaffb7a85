package io.flowgate.gateway.users.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.problem.JsonBody;
import io.flowgate.gateway.users.InvalidUserField;
import io.flowgate.gateway.users.NewUser;
import io.flowgate.gateway.users.UserChange;

import java.util.List;
import java.util.Set;

/**
 * Reads the JSON bodies of {@code /admin/users} by hand, so every mistake is a 400 naming its field (and an unknown
 * field, often a typo such as {@code role}, is refused rather than ignored).
 */
public final class UserRequests {

    private static final JsonBody BODY = new JsonBody(InvalidUserField::new);
    private static final Set<String> CREATE_FIELDS = Set.of("username", "password", "roles", "tenant");
    private static final Set<String> CHANGE_FIELDS = Set.of("password", "roles", "tenant", "disabled");
    private static final String ROLE_NAMES = "roles must be an array of role names";

    private UserRequests() {
    }

    public static NewUser newUser(byte[] body) {
        JsonNode json = BODY.object(body, CREATE_FIELDS);
        List<String> roles = roles(json);
        return new NewUser(BODY.text(json, "username"), BODY.text(json, "password"),
                roles == null ? List.of() : roles, BODY.text(json, "tenant"), json.has("tenant"));
    }

    public static UserChange change(byte[] body) {
        JsonNode json = BODY.object(body, CHANGE_FIELDS);
        return new UserChange(BODY.text(json, "password"), roles(json), json.has("tenant"),
                BODY.text(json, "tenant"), disabled(json));
    }

    private static Boolean disabled(JsonNode json) {
        JsonNode value = json.get("disabled");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new InvalidUserField("disabled", "disabled must be true or false");
        }
        return value.booleanValue();
    }

    private static List<String> roles(JsonNode json) {
        return BODY.strings(json, "roles", ROLE_NAMES, ROLE_NAMES);
    }
}
