package io.flowgate.contracts.mapping;

import io.flowgate.contracts.validation.ValidatedRequest;

import java.util.Map;

/** {@code x-flow-variables}, or the default (every path and query parameter and top-level body property). */
public interface VariableMapping {

    /** @return process variables as JSON-like Java values (String, Number, Boolean, Map, List, null) */
    Map<String, Object> variables(ValidatedRequest request);
}
