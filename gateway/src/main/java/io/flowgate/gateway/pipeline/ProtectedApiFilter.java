package io.flowgate.gateway.pipeline;

import io.flowgate.contracts.RateLimitSpec;
import io.flowgate.gateway.GatewaySettings;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.authz.AdminScope;
import io.flowgate.gateway.authz.Authorizer;
import io.flowgate.gateway.authz.AuthzProblems;
import io.flowgate.gateway.authz.Scope;
import io.flowgate.gateway.problem.GatewayProblem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.web.router.RouteAttributes;
import jakarta.inject.Named;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Enforces the {@link Scope} of every built-in route ({@link RouteScopes}) with the same first stages contract
 * operations pass: authentication, the rate limit, then authorization.
 * <ul>
 *   <li>{@code PUBLIC}: nothing to check; {@code POST /auth/token} is counted per client address, so passwords
 *       cannot be guessed at full speed.</li>
 *   <li>{@code AUTHENTICATED}, {@code TENANT_ADMIN}, {@code PLATFORM_ADMIN}: anonymous → 401 with
 *       {@code WWW-Authenticate}; the caller's {@link AdminScope} is resolved once and left on the request for the
 *       controller; without the scope → 403 {@code insufficient-scope} naming it.</li>
 *   <li>{@code CONTRACT}: the contract pipeline ({@code OperationDispatcher}) does all of it per operation.</li>
 * </ul>
 * Routing runs before this filter, so the matched route is known. Only the checked scopes leave the event loop.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class ProtectedApiFilter {

    private final Guard guard;
    private final Authorizer authorizer;
    private final RouteScopes scopes;
    private final ExecutorService blocking;
    private final RateLimitSpec loginLimit;

    public ProtectedApiFilter(Guard guard, Authorizer authorizer, RouteScopes scopes, GatewaySettings settings,
                              @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.guard = guard;
        this.authorizer = authorizer;
        this.scopes = scopes;
        this.blocking = blocking;
        this.loginLimit = new RateLimitSpec(settings.getLoginRateLimit(), Duration.ofMinutes(1),
                RateLimitSpec.Key.IP);
    }

    /**
     * @return completes with the request to proceed, or exceptionally with the {@link GatewayProblem} that stops it
     *         (rendered by the problem handlers like any other)
     */
    @RequestFilter
    public CompletableFuture<HttpRequest<?>> guard(HttpRequest<?> request) {
        // no route: Micronaut answers 404/405 itself, with nothing behind it to protect
        Scope scope = RouteAttributes.getRouteInfo(request).map(route -> scopes.of(route)
                .orElseThrow(() -> new IllegalStateException("a route without a scope passed the start-up check: "
                        + request.getMethodName() + " " + request.getPath()))).orElse(Scope.CONTRACT);
        if (scope == Scope.CONTRACT || scope == Scope.PUBLIC && !isLogin(request)) {
            return CompletableFuture.completedFuture(request);
        }
        // authentication and the limiter may block (JWKS, Redis)
        return CompletableFuture.supplyAsync(() -> admit(request, scope), blocking);
    }

    private HttpRequest<?> admit(HttpRequest<?> request, Scope scope) {
        if (scope == Scope.PUBLIC) {
            guard.admitAnonymous(request, "login", loginLimit);
            return request;
        }
        Caller caller = guard.admit(request, scope == Scope.AUTHENTICATED ? "user-api" : "admin-api",
                Optional.empty());
        Guard.requireAuthenticated(caller);
        AdminScope admin = authorizer.adminScope(caller);
        request.setAttribute(AdminScope.ATTRIBUTE, admin);
        boolean allowed = switch (scope) {
            case TENANT_ADMIN -> admin.admin();
            case PLATFORM_ADMIN -> admin.platform();
            default -> true;
        };
        if (!allowed) {
            throw AuthzProblems.insufficientScope(request.getMethodName() + " " + request.getPath(), scope, admin);
        }
        return request;
    }

    /** The one public route that counts attempts per address ({@code POST /auth/token} counts per username too). */
    private static boolean isLogin(HttpRequest<?> request) {
        return request.getPath().equals("/auth/token");
    }
}
