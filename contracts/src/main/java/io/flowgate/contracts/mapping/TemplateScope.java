package io.flowgate.contracts.mapping;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * The roots a template may look up: {@code path, query, header, body, claims} for requests;
 * {@code vars, instance, error} for responses.
 */
public interface TemplateScope {

    /** @return the root object, empty when this scope has no such root */
    Optional<JsonNode> root(String name);
}
