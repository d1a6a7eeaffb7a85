package io.flowgate.gateway.users;

import io.flowgate.gateway.users.internal.UserRequests;
import io.micronaut.core.annotation.Nullable;
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
 * {@code /admin/users}: create, list, read, change, delete users. Password hashes never leave the store. Only the
 * platform admin reaches this: the admin filter guards all of {@code /admin/**}.
 */
// consumes anything: a built-in route must never lose to the contract catch-all over a content type
@Consumes(MediaType.ALL)
@Controller("/admin/users")
@ExecuteOn(TaskExecutors.BLOCKING)
public class UserAdminController {

    private final UserDirectory users;

    public UserAdminController(UserDirectory users) {
        this.users = users;
    }

    /** Body: {@code {"username", "password", "roles": [...], "tenant"}}; roles and tenant may be left out. */
    @Post
    public HttpResponse<User> create(@Body @Nullable byte[] body) {
        User user = users.create(UserRequests.newUser(body));
        return HttpResponse.created(user).header("Location", "/admin/users/" + user.username());
    }

    @Get
    public List<User> list() {
        return users.list();
    }

    @Get("/{username}")
    public User read(String username) {
        return users.get(username);
    }

    /**
     * Body: any of {@code password}, {@code roles} (replaces them), {@code tenant} ({@code null}: platform-wide);
     * what is left out stays as it is.
     */
    @Put("/{username}")
    public User update(String username, @Body @Nullable byte[] body) {
        return users.update(username, UserRequests.change(body));
    }

    @Delete("/{username}")
    public HttpResponse<Void> delete(String username) {
        users.delete(username);
        return HttpResponse.noContent();
    }
}
