package io.flowgate.contracts.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.flowgate.contracts.validation.RequestData;
import io.flowgate.contracts.validation.RequestInvalid;
import io.flowgate.contracts.validation.RequestValidator;
import io.flowgate.contracts.validation.ValidatedRequest;
import io.flowgate.contracts.validation.Violation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Validates one operation's requests against its compiled parameters and body. Immutable; per request it only
 * reads, coerces and runs the compiled schemas.
 */
public final class SchemaRequestValidator implements RequestValidator {

    private final List<ParameterSpec> parameters;
    private final BodySpec body;

    SchemaRequestValidator(List<ParameterSpec> parameters, BodySpec body) {
        this.parameters = List.copyOf(parameters);
        this.body = body;
    }

    @Override
    public ValidatedRequest validate(RequestData request) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Map<String, JsonNode>> values = Map.of(
                "path", new LinkedHashMap<>(), "query", new LinkedHashMap<>(), "header", new LinkedHashMap<>());
        for (ParameterSpec parameter : parameters) {
            JsonNode value = read(parameter, request, violations);
            if (value != null) {
                String key = parameter.in().equals("header") ? parameter.name().toLowerCase(Locale.ROOT)
                        : parameter.name();
                values.get(parameter.in()).put(key, value);
            }
        }
        addUndeclaredPathParameters(request, values.get("path"));
        JsonNode parsedBody = body == null ? MissingNode.getInstance() : body.read(request, violations);
        if (!violations.isEmpty()) {
            throw new RequestInvalid(violations);
        }
        return new ValidatedRequest(Collections.unmodifiableMap(values.get("path")),
                Collections.unmodifiableMap(values.get("query")), Collections.unmodifiableMap(values.get("header")),
                parsedBody, request.claims() == null ? Map.of() : request.claims(), request);
    }

    private static JsonNode read(ParameterSpec parameter, RequestData request, List<Violation> violations) {
        List<String> raw = parameter.rawValues(request);
        if (raw == null) {
            if (parameter.required()) {
                violations.add(new Violation(parameter.in(), "/" + parameter.name(),
                        "required " + parameter.in() + " parameter '" + parameter.name() + "' is missing"));
            }
            return null;
        }
        JsonNode value = parameter.coerce(raw);
        if (parameter.schema() != null) {
            violations.addAll(parameter.schema().validate(value, parameter.in(), "/" + parameter.name()));
        }
        return value;
    }

    /** A path template variable without a declaration is still part of the path: keep it as text. */
    private static void addUndeclaredPathParameters(RequestData request, Map<String, JsonNode> path) {
        if (request.pathParameters() != null) {
            request.pathParameters().forEach((name, value) ->
                    path.putIfAbsent(name, com.fasterxml.jackson.databind.node.TextNode.valueOf(value)));
        }
    }
}
