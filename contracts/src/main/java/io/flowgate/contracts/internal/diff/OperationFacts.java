package io.flowgate.contracts.internal.diff;

import io.flowgate.contracts.ContractDiff.OperationRef;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a diff compares of one operation, read from the document with its {@code $ref}s followed.
 *
 * @param route        method and path shape: how operations of two versions are matched
 * @param parameters   by {@code in:name}; path parameters by position ({@code path:0}), so a renamed variable is the
 *                     same parameter
 * @param body         the JSON (or first) request body; null when the operation takes none
 * @param successCodes declared 2xx response codes, sorted
 * @param roles        {@code x-required-roles}, sorted
 * @param rateLimit    {@code x-rate-limit} as {limit, window, key}; null when none
 * @param flowId       {@code x-flow-id}; null when unrouted or a mock
 * @param action       {@code x-flow-action} (with its default); null when unrouted
 * @param mode         {@code x-flow-mode} (with its default); null when unrouted or a mock
 */
record OperationFacts(OperationRef ref, String route, Map<String, Parameter> parameters, Body body,
                      Set<String> successCodes, List<String> roles, boolean isPublic, Map<String, Object> rateLimit,
                      String flowId, String action, String mode) {

    /** A parameter; {@code type} is the schema's type ("any" when it declares none). */
    record Parameter(String in, String name, boolean required, String type) {
    }

    /**
     * A request body.
     *
     * @param mediaTypes every declared media type
     * @param properties the compared schema's properties by dotted path ({@code customer.email},
     *                   {@code lines[].sku})
     * @param closed     the schema allows no other top-level properties ({@code additionalProperties: false})
     */
    record Body(boolean required, List<String> mediaTypes, Map<String, Property> properties, boolean closed) {
    }

    /** A request-body property. */
    record Property(boolean required, String type) {
    }
}
