package io.flowgate.gateway.health;

import io.flowgate.gateway.auth.Authenticator;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.authz.Authorizer;
import io.flowgate.gateway.problem.GatewayProblem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code /health} shows its details (disk space, database) to the platform admin only; everyone else, load balancers
 * included, gets the status alone, with the same HTTP status (503 when DOWN). Micronaut decides who sees details by
 * its security module's principal, whose filter Flowgate does not use; so the endpoint always computes them and this
 * takes them out, deciding with Flowgate's own authentication. A missing, invalid or revoked token is no error here:
 * it just sees no details; nor is a database that cannot tell who the token's user is.
 */
@ServerFilter({"/health", "/health/**"})
public class HealthDetailsFilter {

    private final Authenticator authenticator;
    private final Authorizer authorizer;

    public HealthDetailsFilter(Authenticator authenticator, Authorizer authorizer) {
        this.authenticator = authenticator;
        this.authorizer = authorizer;
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @SuppressWarnings("unchecked")
    public void hideDetails(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.body() instanceof HealthResult result && !platformAdmin(request)) {
            // a new result of the same status: Micronaut's own filter maps it to the HTTP status as before
            ((MutableHttpResponse<Object>) response).body(HealthResult.builder(result.getName(), result.getStatus())
                    .build());
        }
    }

    private boolean platformAdmin(HttpRequest<?> request) {
        try {
            Caller caller = authenticator.authenticate(request);
            return caller.authenticated() && authorizer.adminScope(caller).platform();
        } catch (GatewayProblem invalidCredentials) {
            return false;
        } catch (RuntimeException unavailable) {
            // the users table may be what is down: the probe must still answer its status
            return false;
        }
    }
}
