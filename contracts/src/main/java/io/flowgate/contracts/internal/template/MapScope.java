package io.flowgate.contracts.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.mapping.TemplateScope;

import java.util.Map;
import java.util.Optional;

/** A {@link TemplateScope} over a fixed map of roots. */
public record MapScope(Map<String, JsonNode> roots) implements TemplateScope {

    @Override
    public Optional<JsonNode> root(String name) {
        return Optional.ofNullable(roots.get(name));
    }
}
