package io.flowgate.gateway.instances;

import io.flowgate.contracts.Operation;

import java.util.Optional;

/**
 * Which contract operation started an instance, kept as the process variable {@value #VARIABLE} so the status
 * resource can map the final response on any node and after restarts.
 */
public record OperationRef(String contract, String method, String path) {

    public static final String VARIABLE = "flowgate_operation";

    public static OperationRef of(Operation operation) {
        return new OperationRef(operation.contractName(), operation.method(), operation.path());
    }

    public String encode() {
        return contract + " " + method + " " + path;
    }

    public static Optional<OperationRef> decode(Object value) {
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        String[] parts = text.split(" ", 3);
        return parts.length == 3 ? Optional.of(new OperationRef(parts[0], parts[1], parts[2])) : Optional.empty();
    }
}
