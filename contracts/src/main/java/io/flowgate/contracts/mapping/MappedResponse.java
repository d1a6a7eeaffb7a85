package io.flowgate.contracts.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/** A response built from a flow's variables, already validated against the declared schema. */
public record MappedResponse(int status, JsonNode body) {
}
