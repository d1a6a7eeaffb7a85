package io.flowgate.contracts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.ContractFinding;
import io.flowgate.contracts.FlowBinding;
import io.flowgate.contracts.Operation;
import io.flowgate.contracts.OperationPolicy;
import io.flowgate.contracts.internal.JsonPointers.Located;
import io.flowgate.contracts.internal.extension.FlowExtensions;
import io.flowgate.contracts.internal.extension.PolicyExtensions;
import io.flowgate.contracts.internal.mapping.MockAnswerCompiler;
import io.flowgate.contracts.internal.mapping.ResponseMappingCompiler;
import io.flowgate.contracts.internal.route.PathTemplate;
import io.flowgate.contracts.internal.validation.RequestValidatorCompiler;
import io.flowgate.contracts.internal.validation.SchemaCompiler;
import io.flowgate.contracts.mapping.ResponseMapping;
import io.flowgate.contracts.validation.RequestValidator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Compiles one operation: request validator, flow binding (for a mock, its answer) and response mapping, all at
 * publish time.
 */
final class OperationCompiler {

    private final String contract;
    private final RequestValidatorCompiler validators;
    private final ResponseMappingCompiler responses;
    private final FlowExtensions extensions;
    private final PolicyExtensions policies;

    OperationCompiler(String contract, JsonNode document, SchemaCompiler schemas, PolicyExtensions policies) {
        this.contract = contract;
        this.policies = policies;
        this.validators = new RequestValidatorCompiler(document, schemas);
        this.responses = new ResponseMappingCompiler(document, schemas);
        this.extensions = new FlowExtensions(new MockAnswerCompiler(document, schemas));
    }

    /** @param findings the operation's findings are added here */
    Operation compile(String path, String method, Located pathItem, Located operation,
                      List<ContractFinding> findings) {
        String upper = method.toUpperCase(Locale.ROOT);
        JsonNode op = operation.node();
        String operationId = op.path("operationId").isTextual() ? op.get("operationId").asText() : null;
        String summary = op.path("summary").isTextual() ? op.get("summary").asText() : null;
        List<String> reasons = new ArrayList<>();
        RequestValidator validator = null;
        ResponseMapping response = null;
        Optional<FlowBinding> binding = Optional.empty();
        OperationPolicy policy = OperationPolicy.DEFAULT;
        try {
            policy = policies.read(op, upper, reasons);
            validator = validators.compile(pathItem, operation, reasons);
            binding = extensions.read(operation, PathTemplate.parse(path).variables(), reasons);
            response = responses.compile(operation, reasons);
        } catch (RuntimeException e) {
            // a safety net: an odd document must give a finding (422), never a server error
            reasons.add("could not be compiled: " + e);
        }
        reasons.forEach(r -> findings.add(new ContractFinding(contract, upper, path, operationId, r)));
        return new Operation(contract, upper, path, operationId, summary, binding, validator, response, policy);
    }
}
