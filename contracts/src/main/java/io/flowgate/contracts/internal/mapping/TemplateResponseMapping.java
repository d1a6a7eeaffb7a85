package io.flowgate.contracts.internal.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.internal.validation.CompiledSchema;
import io.flowgate.contracts.mapping.MappedResponse;
import io.flowgate.contracts.mapping.ResponseContext;
import io.flowgate.contracts.mapping.ResponseContractViolation;
import io.flowgate.contracts.mapping.ResponseMapping;
import io.flowgate.contracts.validation.Violation;

import java.util.List;

/**
 * A compiled response: a status, a body builder and the declared JSON schema for that status. The body is checked
 * before it leaves, so a flow that breaks the contract gives a 502 instead of a wrong answer.
 */
final class TemplateResponseMapping implements ResponseMapping {

    private final int status;
    private final ResponseBody body;
    private final CompiledSchema schema;

    TemplateResponseMapping(int status, ResponseBody body, CompiledSchema schema) {
        this.status = status;
        this.body = body;
        this.schema = schema;
    }

    @Override
    public MappedResponse render(ResponseContext context) {
        JsonNode built = body.build(context, ResponseScope.of(context));
        if (schema != null && !built.isMissingNode()) {
            List<Violation> violations = schema.validate(built, "body", "");
            if (!violations.isEmpty()) {
                throw new ResponseContractViolation(violations);
            }
        }
        return new MappedResponse(status, built);
    }

    int status() {
        return status;
    }
}
