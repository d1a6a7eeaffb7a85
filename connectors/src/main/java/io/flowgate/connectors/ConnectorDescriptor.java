package io.flowgate.connectors;

import java.util.List;
import java.util.Objects;

/**
 * What a connector is, for the registry, the deploy checks and the element templates.
 *
 * @param id          stable id used as {@code camunda:connectorId}, e.g. {@code inventory.reserve}
 * @param name        short human name for the palette
 * @param description one sentence on what it does
 * @param inputs      declared inputs
 * @param outputs     declared outputs
 * @param errors      business error codes it may throw
 * @param openInputs  true when the connector accepts inputs of any name (e.g. {@code vars.set})
 */
public record ConnectorDescriptor(String id, String name, String description,
                                  List<ConnectorParameter> inputs, List<ConnectorParameter> outputs,
                                  List<ConnectorErrorSpec> errors, boolean openInputs) {

    public ConnectorDescriptor {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*")) {
            throw new IllegalArgumentException("connector id must be dotted lower-case words: " + id);
        }
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        errors = List.copyOf(errors);
    }
}
