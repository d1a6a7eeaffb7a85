package io.flowgate.connectors.http;

/**
 * A call by {@code http.request} got no answer: the connection failed, DNS did not resolve or the timeout passed. A
 * technical fault: the engine retries the job (with the same {@code Idempotency-Key}) and then raises an incident.
 */
public final class HttpCallFailed extends RuntimeException {

    private final String host;

    public HttpCallFailed(String host, String message, Throwable cause) {
        super("http.request to " + host + " failed: " + message, cause);
        this.host = host;
    }

    public String host() {
        return host;
    }
}
