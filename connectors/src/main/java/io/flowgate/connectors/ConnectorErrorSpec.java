package io.flowgate.connectors;

/** A business error code a connector may throw, with what it means. */
public record ConnectorErrorSpec(String code, String description) {
}
