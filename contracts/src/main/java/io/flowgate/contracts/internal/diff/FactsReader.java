package io.flowgate.contracts.internal.diff;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.ContractDiff.OperationRef;
import io.flowgate.contracts.FlowAction;
import io.flowgate.contracts.OperationPolicy;
import io.flowgate.contracts.RateLimitSpec;
import io.flowgate.contracts.SecretSources;
import io.flowgate.contracts.internal.extension.PolicyExtensions;
import io.flowgate.contracts.internal.route.PathTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads the {@link OperationFacts} of every operation of one (safely parsed) contract document. */
final class FactsReader {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final String JSON = "application/json";
    /** A diff reads no secret: neither the environment nor any file. */
    private static final PolicyExtensions POLICIES = new PolicyExtensions(SecretSources.of(name -> null, null));

    private final SchemaFacts schemas;
    private final JsonNode document;

    FactsReader(JsonNode document) {
        this.document = document;
        this.schemas = new SchemaFacts(document);
    }

    /** Every operation by route ({@code POST /orders/{}}), in document order; the first wins a duplicate route. */
    Map<String, OperationFacts> operations() {
        Map<String, OperationFacts> operations = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            JsonNode item = schemas.follow(path.getValue()).node();
            for (Iterator<String> keys = item.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (METHODS.contains(key) && item.get(key).isObject()) {
                    OperationFacts facts = read(path.getKey(), key.toUpperCase(Locale.ROOT), item, item.get(key));
                    operations.putIfAbsent(facts.route(), facts);
                }
            }
        }
        return operations;
    }

    private OperationFacts read(String path, String method, JsonNode item, JsonNode op) {
        PathTemplate template = PathTemplate.parse(path);
        // findings do not matter here: the version was accepted when it was published; only roles, x-public and
        // x-rate-limit are read, so no secret needs to be
        OperationPolicy policy = POLICIES.read(op, method, new ArrayList<>());
        String flowId = text(op, "x-flow-id", null);
        String action = text(op, "x-flow-action", FlowAction.START.value()).strip();
        boolean mock = FlowAction.MOCK.value().equals(action);
        boolean routed = flowId != null || mock;
        return new OperationFacts(new OperationRef(method, path, text(op, "operationId", null)),
                method + " " + template.shape(), parameters(template, item, op), body(op), successCodes(op),
                policy.requiredRoles().stream().sorted().toList(), policy.isPublic(),
                policy.rateLimit().map(FactsReader::rateLimit).orElse(null), flowId,
                routed ? action : null,
                flowId != null ? text(op, "x-flow-mode", op.has("x-webhook") ? "async" : "sync") : null);
    }

    /** The path item's parameters overridden by the operation's, by {@code in} and name. */
    private Map<String, OperationFacts.Parameter> parameters(PathTemplate template, JsonNode item, JsonNode op) {
        List<String> variables = List.copyOf(template.variables());
        Map<String, OperationFacts.Parameter> parameters = new LinkedHashMap<>();
        for (JsonNode level : List.of(item.path("parameters"), op.path("parameters"))) {
            for (JsonNode declared : level) {
                JsonNode parameter = schemas.follow(declared).node();
                String in = parameter.path("in").asText();
                String name = parameter.path("name").asText();
                boolean path = "path".equals(in);
                String key = path && variables.contains(name) ? "path:" + variables.indexOf(name) : in + ":" + name;
                JsonNode schema = parameter.has("schema") ? parameter.get("schema") : firstSchema(parameter);
                parameters.put(key, new OperationFacts.Parameter(in, name,
                        path || parameter.path("required").asBoolean(false), schemas.type(schema)));
            }
        }
        return parameters;
    }

    private OperationFacts.Body body(JsonNode op) {
        if (!op.has("requestBody")) {
            return null;
        }
        JsonNode body = schemas.follow(op.get("requestBody")).node();
        List<String> mediaTypes = new ArrayList<>();
        body.path("content").fieldNames().forEachRemaining(mediaTypes::add);
        JsonNode schema = compared(body.path("content"), mediaTypes).path("schema");
        return new OperationFacts.Body(body.path("required").asBoolean(false), mediaTypes,
                schemas.properties(schema), schemas.closed(schema));
    }

    /** JSON first (the gateway's own format), else the first JSON-like type, else the first declared. */
    private static JsonNode compared(JsonNode content, List<String> mediaTypes) {
        if (content.has(JSON)) {
            return content.get(JSON);
        }
        return mediaTypes.stream().filter(type -> type.contains("json")).findFirst()
                .or(() -> mediaTypes.stream().findFirst()).map(content::get).orElse(content.path(JSON));
    }

    private JsonNode firstSchema(JsonNode parameter) {
        List<String> mediaTypes = new ArrayList<>();
        parameter.path("content").fieldNames().forEachRemaining(mediaTypes::add);
        return compared(parameter.path("content"), mediaTypes).path("schema");
    }

    private static Set<String> successCodes(JsonNode op) {
        Set<String> codes = new TreeSet<>();
        op.path("responses").fieldNames().forEachRemaining(code -> {
            if (code.startsWith("2")) {
                codes.add(code.toUpperCase(Locale.ROOT));
            }
        });
        return codes;
    }

    private static Map<String, Object> rateLimit(RateLimitSpec spec) {
        Map<String, Object> limit = new LinkedHashMap<>();
        limit.put("limit", spec.limit());
        limit.put("window", compact(spec.window()));
        limit.put("key", spec.key().name().toLowerCase(Locale.ROOT));
        return limit;
    }

    /** A window as the extension writes it: 1m rather than PT1M, so 60s and 1m read alike. */
    static String compact(Duration window) {
        long millis = window.toMillis();
        long[] units = {86_400_000, 3_600_000, 60_000, 1_000};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (millis % units[i] == 0) {
                return millis / units[i] + names[i];
            }
        }
        return millis + "ms";
    }

    private static String text(JsonNode op, String field, String fallback) {
        JsonNode value = op.get(field);
        return value != null && value.isTextual() ? value.asText() : fallback;
    }
}
