package io.flowgate.gateway.events;

import io.flowgate.gateway.auth.CallerAttribute;
import io.flowgate.gateway.authz.AdminScope;
import io.flowgate.gateway.authz.RequiredScope;
import io.flowgate.gateway.authz.Scope;
import io.flowgate.gateway.events.internal.SubscriptionRequests;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.Map;

/**
 * {@code /admin/subscriptions}: webhook subscriptions (create, list, read, delete) and their dead letters (list,
 * replay, discard). A tenant admin manages its own tenant's subscriptions only; the platform admin every one.
 */
// consumes anything: a built-in route must never lose to the contract catch-all over a content type
@Consumes(MediaType.ALL)
@RequiredScope(Scope.TENANT_ADMIN)
@Controller("/admin/subscriptions")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SubscriptionAdminController {

    private final Subscriptions subscriptions;

    public SubscriptionAdminController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /**
     * Body: {@code {"url", "eventTypes": ["order.*", …], "secret"?, "description"?}}. The answer carries the secret;
     * it is never shown again.
     */
    @Post
    public HttpResponse<CreatedSubscription> create(HttpRequest<?> request, @Body @Nullable byte[] body) {
        CreatedSubscription created = subscriptions.create(CallerAttribute.get(request), AdminScope.of(request),
                SubscriptionRequests.newSubscription(body));
        return HttpResponse.created(created)
                .header("Location", "/admin/subscriptions/" + created.subscription().id());
    }

    @Get
    public List<Subscription> list(HttpRequest<?> request) {
        return subscriptions.list(AdminScope.of(request));
    }

    @Get("/{id}")
    public Subscription read(HttpRequest<?> request, String id) {
        return subscriptions.get(AdminScope.of(request), id);
    }

    @Delete("/{id}")
    public HttpResponse<Void> delete(HttpRequest<?> request, String id) {
        subscriptions.delete(AdminScope.of(request), id);
        return HttpResponse.noContent();
    }

    @Get("/{id}/dead-letters")
    public List<DeadLetter> deadLetters(HttpRequest<?> request, String id,
                                        @QueryValue(defaultValue = "100") int limit) {
        return subscriptions.deadLetters(AdminScope.of(request), id, limit);
    }

    /** Delivers one dead letter again (from a first attempt); answered at once, delivered by the relay. */
    @Post("/{id}/dead-letters/{eventId}/replay")
    public HttpResponse<Map<String, Object>> replay(HttpRequest<?> request, String id, String eventId) {
        subscriptions.replay(AdminScope.of(request), id, eventId);
        return HttpResponse.accepted().body(Map.of("replayed", 1));
    }

    @Post("/{id}/dead-letters/replay")
    public HttpResponse<Map<String, Object>> replayAll(HttpRequest<?> request, String id) {
        int replayed = subscriptions.replayAll(AdminScope.of(request), id);
        return HttpResponse.accepted().body(Map.of("replayed", replayed));
    }

    @Delete("/{id}/dead-letters/{eventId}")
    public HttpResponse<Void> discard(HttpRequest<?> request, String id, String eventId) {
        subscriptions.discard(AdminScope.of(request), id, eventId);
        return HttpResponse.noContent();
    }
}
