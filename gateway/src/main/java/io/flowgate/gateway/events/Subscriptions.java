package io.flowgate.gateway.events;

import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.authz.AdminScope;
import io.flowgate.gateway.events.internal.DeliveryStore;
import io.flowgate.gateway.events.internal.EventPatterns;
import io.flowgate.gateway.events.internal.EventsSchema;
import io.flowgate.gateway.events.internal.SubscriberUrls;
import io.flowgate.gateway.events.internal.SubscriptionStore;
import io.flowgate.gateway.events.internal.StoredSubscription;
import io.flowgate.gateway.events.internal.WebhookSignature;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhook subscriptions and their dead letters, as the admin API manages them. A subscription is owned by the
 * tenant of the admin who made it: one made by a tenant's admin receives only that tenant's events (the relay
 * checks each event's tenant, {@code StoredSubscription#accepts}) and is visible only to that tenant's admins and
 * the platform admin — to another tenant's admin it answers as an unknown id; one made by the platform admin (owner
 * null) receives every tenant's events and tenantless ones. A new subscription receives the events written after it
 * was made, not the outbox's history.
 */
@Singleton
public class Subscriptions {

    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_DEAD_LETTERS_PAGE = 200;

    private final SubscriptionStore store;
    private final DeliveryStore deliveries;
    private final EventsSchema schema;
    private final SubscriberUrls urls;
    private final Clock clock = Clock.systemUTC();

    public Subscriptions(SubscriptionStore store, DeliveryStore deliveries, EventsSchema schema,
                         WebhookSettings settings) {
        this.store = store;
        this.deliveries = deliveries;
        this.schema = schema;
        this.urls = new SubscriberUrls(settings.validate().isAllowPrivateNetworks(), InetAddress::getAllByName);
    }

    /** A subscription owned by the caller's admin scope: the tenant admin's tenant, or the platform (null). */
    public CreatedSubscription create(Caller caller, AdminScope scope, NewSubscription request) {
        URI url = url(request.url());
        List<String> eventTypes = eventTypes(request.eventTypes());
        String secret = request.secret() == null ? WebhookSignature.newSecret() : secret(request.secret());
        if (request.description() != null && request.description().length() > MAX_DESCRIPTION) {
            throw new InvalidSubscription("description", "description is longer than " + MAX_DESCRIPTION
                    + " characters");
        }
        StoredSubscription stored = new StoredSubscription(UUID.randomUUID().toString(), url, eventTypes, secret,
                request.description(), scope.tenantFilter(), schema.outbox().lastSeq(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), caller.subject());
        store.insert(stored);
        return new CreatedSubscription(view(stored, SubscriptionStore.Backlog.NONE), secret);
    }

    /** The subscriptions the caller may see, oldest first. */
    public List<Subscription> list(AdminScope scope) {
        Map<String, SubscriptionStore.Backlog> backlogs = store.backlogs();
        return store.all().stream().filter(s -> scope.covers(s.tenant()))
                .map(s -> view(s, backlogs.getOrDefault(s.id(), SubscriptionStore.Backlog.NONE))).toList();
    }

    public Subscription get(AdminScope scope, String id) {
        StoredSubscription found = visible(scope, id);
        return view(found, store.backlogs().getOrDefault(id, SubscriptionStore.Backlog.NONE));
    }

    /** Deletes the subscription; what it had not received yet is dropped with it. */
    public void delete(AdminScope scope, String id) {
        visible(scope, id);
        if (!store.delete(id)) {
            throw new SubscriptionNotFound(id);
        }
    }

    public List<DeadLetter> deadLetters(AdminScope scope, String id, int limit) {
        if (limit < 1 || limit > MAX_DEAD_LETTERS_PAGE) {
            throw new InvalidSubscription("limit", "limit must be between 1 and " + MAX_DEAD_LETTERS_PAGE);
        }
        visible(scope, id);
        return deliveries.deadLetters(id, limit);
    }

    /** Makes one dead letter due again, from a first attempt. */
    public void replay(AdminScope scope, String id, String eventId) {
        visible(scope, id);
        if (deliveries.replay(id, eventId, clock.millis()) == 0) {
            throw new DeadLetterNotFound(id, eventId);
        }
    }

    /** Makes every dead letter of the subscription due again; returns how many. */
    public int replayAll(AdminScope scope, String id) {
        visible(scope, id);
        return deliveries.replay(id, null, clock.millis());
    }

    /** Drops a dead letter for good. */
    public void discard(AdminScope scope, String id, String eventId) {
        visible(scope, id);
        if (!deliveries.discard(id, eventId)) {
            throw new DeadLetterNotFound(id, eventId);
        }
    }

    /** Another owner's subscription answers exactly as an unknown id. */
    private StoredSubscription visible(AdminScope scope, String id) {
        return store.find(id).filter(s -> scope.covers(s.tenant()))
                .orElseThrow(() -> new SubscriptionNotFound(id));
    }

    private URI url(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidSubscription("url", "url is required: where to POST the events");
        }
        URI url;
        try {
            url = SubscriberUrls.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidSubscription("url", e.getMessage());
        }
        Optional<String> refused = urls.addressProblem(url);
        if (refused.isPresent()) {
            throw new InvalidSubscription("url", refused.get());
        }
        return url;
    }

    private static List<String> eventTypes(List<String> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            throw new InvalidSubscription("eventTypes", "eventTypes is required: the event types to receive, e.g. "
                    + "[\"order.*\", \"instance.completed\"] or [\"*\"] for all");
        }
        if (patterns.size() > EventPatterns.MAX_PATTERNS) {
            throw new InvalidSubscription("eventTypes", "at most " + EventPatterns.MAX_PATTERNS + " event types");
        }
        for (String pattern : patterns) {
            EventPatterns.problem(pattern).ifPresent(problem -> {
                throw new InvalidSubscription("eventTypes", problem);
            });
        }
        return List.copyOf(new LinkedHashSet<>(patterns));
    }

    private static String secret(String secret) {
        WebhookSignature.problem(secret).ifPresent(problem -> {
            throw new InvalidSubscription("secret", problem);
        });
        return secret;
    }

    private static Subscription view(StoredSubscription s, SubscriptionStore.Backlog backlog) {
        return new Subscription(s.id(), s.url().toString(), s.eventTypes(), s.description(), s.tenant(),
                s.createdAt(), s.createdBy(), backlog.pending(), backlog.dead());
    }
}
