package io.flowgate.gateway.pipeline;

import io.flowgate.contracts.RateLimitSpec;
import io.flowgate.gateway.GatewaySettings;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.authz.Authorizer;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Duration;
import java.util.Optional;

/**
 * The built-in APIs pass the same first stages as contract operations: authentication, the rate limit, then
 * authorization — role {@code admin} for {@code /admin/**} and {@code /metrics/**}; an authenticated caller for the
 * task inbox, whose controller then checks each task's candidate groups, assignee and tenant.
 * {@code POST /auth/token} is open but limited per client address, so passwords cannot be guessed at full speed.
 */
@ServerFilter({"/admin/**", "/api/**", "/auth/**", "/metrics/**"})
public class ProtectedApiFilter {

    private final Guard guard;
    private final Authorizer authorizer;
    private final RateLimitSpec loginLimit;

    public ProtectedApiFilter(Guard guard, Authorizer authorizer, GatewaySettings settings) {
        this.guard = guard;
        this.authorizer = authorizer;
        this.loginLimit = new RateLimitSpec(settings.getLoginRateLimit(), Duration.ofMinutes(1),
                RateLimitSpec.Key.IP);
    }

    /** @return null to proceed, or the problem that stops the request */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> guard(HttpRequest<?> request) {
        String path = request.getPath();
        try {
            if (path.startsWith("/auth/")) {
                guard.admitAnonymous(request, "login", loginLimit);
                return null;
            }
            // the Micrometer endpoint is admin-only, like the admin API
            boolean admin = path.startsWith("/admin") || path.equals("/metrics") || path.startsWith("/metrics/");
            Caller caller = guard.admit(request, admin ? "admin-api" : "task-api", Optional.empty());
            if (admin) {
                authorizer.authorizeAdmin(caller, request.getMethodName(), path);
            } else {
                Guard.requireAuthenticated(caller);
            }
            return null;
        } catch (GatewayProblem problem) {
            return ProblemResponses.render(request, problem.problem(), problem.headers());
        }
    }
}
