package io.flowgate.gateway.users;

import io.flowgate.gateway.authz.AdminScope;
import io.flowgate.gateway.authz.RequiredScope;
import io.flowgate.gateway.authz.Scope;
import io.flowgate.gateway.users.internal.UserRequests;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;

/**
 * {@code /admin/users}: create, list, read, change, delete users. Password hashes never leave the store. The platform
 * admin manages every user; a tenant admin only its own tenant's ({@link UserScope}).
 */
// consumes anything: a built-in route must never lose to the contract catch-all over a content type
@Consumes(MediaType.ALL)
@RequiredScope(Scope.TENANT_ADMIN)
@Controller("/admin/users")
@ExecuteOn(TaskExecutors.BLOCKING)
public class UserAdminController {

    private final UserDirectory users;

    public UserAdminController(UserDirectory users) {
        this.users = users;
    }

    /**
     * Body: {@code {"username", "password", "roles": [...], "tenant"}}; roles and tenant may be left out (a tenant
     * admin's user then gets its tenant, the platform admin's none).
     */
    @Post
    public HttpResponse<User> create(HttpRequest<?> request, @Body @Nullable byte[] body) {
        User user = users.create(AdminScope.of(request), UserRequests.newUser(body));
        return HttpResponse.created(user).header("Location", "/admin/users/" + user.username());
    }

    @Get
    public List<User> list(HttpRequest<?> request) {
        return users.list(AdminScope.of(request));
    }

    @Get("/{username}")
    public User read(HttpRequest<?> request, String username) {
        return users.get(AdminScope.of(request), username);
    }

    /**
     * Body: any of {@code password}, {@code roles} (replaces them), {@code tenant} ({@code null}: platform-wide),
     * {@code disabled} (true: cannot log in); what is left out stays as it is. A new password, other roles or tenant,
     * or disabling ends the user's tokens.
     */
    @Put("/{username}")
    public User update(HttpRequest<?> request, String username, @Body @Nullable byte[] body) {
        return users.update(AdminScope.of(request), username, UserRequests.change(body));
    }

    @Delete("/{username}")
    public HttpResponse<Void> delete(HttpRequest<?> request, String username) {
        users.delete(AdminScope.of(request), username);
        return HttpResponse.noContent();
    }

    /**
     * Ends every token the user holds, on every node within a second (the user logs in again). A tenant admin may
     * do this only for users of its own tenant; any other user answers as unknown.
     */
    @Post("/{username}/revoke-tokens")
    public HttpResponse<Void> revokeTokens(HttpRequest<?> request, String username) {
        users.revokeTokens(users.get(AdminScope.of(request), username).username());
        return HttpResponse.noContent();
    }
}
