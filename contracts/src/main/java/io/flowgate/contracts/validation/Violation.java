package io.flowgate.contracts.validation;

/**
 * One way a request breaks its contract.
 *
 * @param in      path, query, header or body
 * @param pointer JSON pointer inside that part: {@code /items/0/qty} for the body, {@code /limit} for a parameter
 * @param message human sentence
 */
public record Violation(String in, String pointer, String message) {
}
