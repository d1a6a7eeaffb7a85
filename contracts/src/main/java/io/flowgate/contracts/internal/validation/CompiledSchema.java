package io.flowgate.contracts.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.flowgate.contracts.validation.Violation;

import java.util.ArrayList;
import java.util.List;

/** A compiled, thread-safe schema; validation reports every violation with its JSON pointer. */
public final class CompiledSchema {

    private final JsonSchema schema;

    CompiledSchema(JsonSchema schema) {
        this.schema = schema;
    }

    /**
     * @param in     which part of the request or response is validated (path, query, header, body)
     * @param prefix pointer prepended to each violation's location, e.g. {@code /limit} for a parameter
     */
    public List<Violation> validate(JsonNode value, String in, String prefix) {
        List<Violation> violations = new ArrayList<>();
        for (ValidationMessage message : schema.validate(value)) {
            String location = message.getInstanceLocation() == null ? "" : message.getInstanceLocation().toString();
            violations.add(new Violation(in, prefix + location, message.getError()));
        }
        return violations;
    }
}
