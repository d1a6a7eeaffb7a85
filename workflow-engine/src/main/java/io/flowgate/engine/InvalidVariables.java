package io.flowgate.engine;

/** Variables given to a flow cannot be stored (e.g. a value that is not JSON-like). */
public final class InvalidVariables extends FlowException {

    public InvalidVariables(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "invalid-variables";
    }
}
