package io.flowgate.contracts.validation;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A request that passed validation, its values typed as the contract declares them.
 *
 * @param path    path parameters by name (JSON values after schema coercion)
 * @param query   query parameters by name (arrays for repeated / exploded parameters)
 * @param headers declared headers by lower-case name
 * @param body    parsed body, {@code MissingNode} when there is none
 * @param claims  authenticated caller's claims
 * @param raw     the request as received
 */
public record ValidatedRequest(Map<String, JsonNode> path, Map<String, JsonNode> query,
                               Map<String, JsonNode> headers, JsonNode body, Map<String, Object> claims,
                               RequestData raw) {
}
