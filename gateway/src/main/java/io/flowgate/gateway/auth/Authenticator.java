package io.flowgate.gateway.auth;

import io.micronaut.http.HttpRequest;

/** Establishes who is calling from the request's credentials (a JWT bearer token). */
public interface Authenticator {

    /**
     * @return the caller, {@link Caller#ANONYMOUS} when the request carries no credentials
     * @throws io.flowgate.gateway.problem.GatewayProblem 401 (with {@code WWW-Authenticate}) when credentials were
     *                                                    sent but are not valid
     */
    Caller authenticate(HttpRequest<?> request);
}
