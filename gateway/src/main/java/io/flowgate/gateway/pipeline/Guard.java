package io.flowgate.gateway.pipeline;

import io.flowgate.contracts.RateLimitSpec;
import io.flowgate.gateway.auth.AuthProblems;
import io.flowgate.gateway.auth.Authenticator;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.auth.CallerAttribute;
import io.flowgate.gateway.ratelimit.RateDecision;
import io.flowgate.gateway.ratelimit.RateLimitStage;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * The first two stages every request passes after Netty's size limits: authentication, then the rate limit. What
 * they establish (the caller, the limiter's decision) stays on the request for the stages and filters after them.
 */
@Singleton
public class Guard {

    /** Request attribute holding the {@link RateDecision} of an admitted request, for the RateLimit headers. */
    public static final String DECISION_ATTRIBUTE = "flowgate.rate-decision";

    private final Authenticator authenticator;
    private final RateLimitStage rateLimits;

    public Guard(Authenticator authenticator, RateLimitStage rateLimits) {
        this.authenticator = authenticator;
        this.rateLimits = rateLimits;
    }

    /**
     * Authenticates and counts the request.
     *
     * @param operationKey whose counters: each operation (or API area) has its own
     * @param declared     the operation's {@code x-rate-limit}; empty = the default limit
     * @return the caller ({@link Caller#ANONYMOUS} without credentials: authorization decides whether that is fine)
     * @throws io.flowgate.gateway.problem.GatewayProblem 401 for bad credentials, 429 over the limit
     */
    public Caller admit(HttpRequest<?> request, String operationKey, Optional<RateLimitSpec> declared) {
        return admitAs(authenticator.authenticate(request), request, operationKey, declared);
    }

    /**
     * Counts a request whose caller was established without a token (a webhook's verified signature).
     *
     * @throws io.flowgate.gateway.problem.GatewayProblem 429 over the limit
     */
    public Caller admitAs(Caller caller, HttpRequest<?> request, String operationKey,
                          Optional<RateLimitSpec> declared) {
        request.setAttribute(CallerAttribute.NAME, caller);
        rateLimits.check(caller, operationKey, declared, clientIp(request))
                .ifPresent(decision -> request.setAttribute(DECISION_ATTRIBUTE, decision));
        return caller;
    }

    /** Counts a request that needs no credentials (login) by client address, without reading any token. */
    public void admitAnonymous(HttpRequest<?> request, String operationKey, RateLimitSpec limit) {
        rateLimits.check(Caller.ANONYMOUS, operationKey, Optional.of(limit), clientIp(request))
                .ifPresent(decision -> request.setAttribute(DECISION_ATTRIBUTE, decision));
    }

    /** @throws io.flowgate.gateway.problem.GatewayProblem 401 with {@code WWW-Authenticate} when anonymous */
    public static void requireAuthenticated(Caller caller) {
        if (!caller.authenticated()) {
            throw AuthProblems.missingCredentials();
        }
    }

    /**
     * The peer address. Forwarded headers are not trusted: behind a proxy, limit by principal or tenant, or put
     * the limiter in the proxy.
     */
    static String clientIp(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
