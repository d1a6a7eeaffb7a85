package io.flowgate.connectors;

/**
 * A business fault the flow is expected to handle (an error boundary event, or an {@code x-flow-errors} mapping).
 * The engine turns it into a BPMN error with the same code. Not retried.
 */
public class ConnectorBusinessError extends RuntimeException {

    private final String code;

    public ConnectorBusinessError(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
