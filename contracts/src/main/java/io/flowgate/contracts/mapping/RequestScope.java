package io.flowgate.contracts.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.flowgate.contracts.validation.RequestData;
import io.flowgate.contracts.validation.ValidatedRequest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The roots a request template reads: {@code path}, {@code query}, {@code header}, {@code body}, {@code claims},
 * {@code request} ({@code request.id}: the gateway's id of this request).
 * Use it to render {@code x-flow-business-key} and {@code x-flow-instance} exactly as {@code x-flow-variables} are
 * rendered. Declared parameters come typed (after coercion); undeclared query parameters and headers are still
 * readable as text, so {@code {header.x-tenant}} works without declaring the header.
 */
public final class RequestScope {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RequestScope() {
    }

    public static TemplateScope of(ValidatedRequest request) {
        RequestData raw = request.raw();
        ObjectNode query = rawValues(raw == null ? null : raw.query(), false);
        request.query().forEach(query::set);
        ObjectNode headers = rawValues(raw == null ? null : raw.headers(), true);
        request.headers().forEach(headers::set);
        ObjectNode path = JsonNodeFactory.instance.objectNode();
        request.path().forEach(path::set);
        Map<String, JsonNode> roots = Map.of(
                "path", path,
                "query", query,
                "header", headers,
                "body", request.body(),
                "claims", MAPPER.valueToTree(request.claims() == null ? Map.of() : request.claims()),
                "request", JsonNodeFactory.instance.objectNode().put("id", raw == null ? null : raw.id()));
        return name -> Optional.ofNullable(roots.get(name));
    }

    private static ObjectNode rawValues(Map<String, List<String>> values, boolean lowerCase) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (values == null) {
            return out;
        }
        values.forEach((name, list) -> {
            if (list == null || list.isEmpty()) {
                return;
            }
            String key = lowerCase ? name.toLowerCase(Locale.ROOT) : name;
            if (list.size() == 1) {
                out.set(key, TextNode.valueOf(list.get(0)));
            } else {
                ArrayNode array = out.putArray(key);
                list.forEach(array::add);
            }
        });
        return out;
    }
}
