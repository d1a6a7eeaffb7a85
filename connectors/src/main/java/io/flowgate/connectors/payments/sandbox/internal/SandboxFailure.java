package io.flowgate.connectors.payments.sandbox.internal;

/** A non-2xx answer of the sandbox, with its HTTP status and a short machine-readable code. */
public final class SandboxFailure extends RuntimeException {

    private final int status;
    private final String code;

    public SandboxFailure(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
