package io.flowgate.engine;

/** Base of the engine's typed failures; {@link #code()} is stable and used in problem type URIs. */
public abstract class FlowException extends RuntimeException {

    protected FlowException(String message) {
        super(message);
    }

    protected FlowException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract String code();
}
