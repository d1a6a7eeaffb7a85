package io.flowgate.contracts.mapping;

/**
 * {@code x-flow-response} (or the default: the declared success schema's properties from variables of the same
 * name), compiled once; the built body is validated against the declared response schema.
 */
public interface ResponseMapping {

    /** @throws ResponseContractViolation when the flow's variables break the declared response schema */
    MappedResponse render(ResponseContext context);
}
