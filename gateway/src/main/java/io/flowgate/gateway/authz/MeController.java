package io.flowgate.gateway.authz;

import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.auth.CallerAttribute;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /auth/me}: the caller as the gateway sees it — user, tenant, the token's roles and the highest
 * {@link Scope} it holds ({@code platform-admin}, {@code tenant-admin} or {@code authenticated}), as the authorizer
 * decided it (the role {@code admin} may come from a grant, which the token does not show). The console shapes its
 * screens with it; the gateway checks every call on its own anyway.
 */
// consumes anything: a built-in route must never lose to the contract catch-all over a content type
@Consumes(MediaType.ALL)
@RequiredScope(Scope.AUTHENTICATED)
@Controller("/auth/me")
public class MeController {

    /** {@code {username, tenant?, roles, scope}}. */
    @Get
    @Produces(MediaType.APPLICATION_JSON)
    public HttpResponse<Map<String, Object>> me(HttpRequest<?> request) {
        Caller caller = CallerAttribute.get(request);
        AdminScope admin = AdminScope.of(request);
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("username", caller.subject());
        me.put("tenant", caller.tenant());
        me.put("roles", caller.roles().stream().sorted().toList());
        me.put("scope", (admin.platform() ? Scope.PLATFORM_ADMIN : admin.admin() ? Scope.TENANT_ADMIN
                : Scope.AUTHENTICATED).label());
        return HttpResponse.ok(me).header("Cache-Control", "no-store");
    }
}
