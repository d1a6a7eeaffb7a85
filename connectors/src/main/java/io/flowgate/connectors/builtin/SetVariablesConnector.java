package io.flowgate.connectors.builtin;

import io.flowgate.connectors.Connector;
import io.flowgate.connectors.ConnectorDescriptor;
import io.flowgate.connectors.ConnectorRequest;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code vars.set}: copies its inputs to its outputs. With no output mapping in the model, every output becomes a
 * process variable, so this is how a designer sets variables without writing code. Pure: safe to repeat.
 */
@Singleton
public final class SetVariablesConnector implements Connector {

    public static final String ID = "vars.set";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Set variables",
            "Sets process variables from its inputs (each input becomes a variable of the same name).",
            List.of(), List.of(), List.of(), true);

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, Object> execute(ConnectorRequest request) {
        return new LinkedHashMap<>(request.inputs());
    }
}
