package io.flowgate.connectors;

/**
 * One declared input or output of a connector.
 *
 * @param name        variable / parameter name
 * @param type        JSON type: string, number, integer, boolean, object, array
 * @param required    whether the connector refuses to run without it (inputs only)
 * @param description what it means, shown in the designer
 */
public record ConnectorParameter(String name, String type, boolean required, String description) {
}
