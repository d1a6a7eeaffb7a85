package io.flowgate.gateway.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;

/**
 * Where the pipeline leaves the authenticated {@link Caller} on a request, for the stages and controllers after it.
 * A request without the attribute is anonymous.
 */
public final class CallerAttribute {

    /** The request attribute holding the {@link Caller}. */
    public static final String NAME = "flowgate.caller";

    private CallerAttribute() {
    }

    /** The caller of the request; {@link Caller#ANONYMOUS} when authentication left none. */
    public static Caller get(HttpRequest<?> request) {
        return request.getAttribute(NAME, Caller.class).orElse(Caller.ANONYMOUS);
    }

    public static void set(MutableHttpRequest<?> request, Caller caller) {
        request.setAttribute(NAME, caller);
    }
}
