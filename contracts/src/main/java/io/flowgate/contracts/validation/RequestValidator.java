package io.flowgate.contracts.validation;

/**
 * Validates requests against one operation's parameters and request body, compiled once at publish time.
 * Implementations are immutable and thread-safe.
 */
public interface RequestValidator {

    /**
     * @return the request with parameters coerced to their schema types and the body parsed
     * @throws RequestInvalid naming every violation
     */
    ValidatedRequest validate(RequestData request);
}
