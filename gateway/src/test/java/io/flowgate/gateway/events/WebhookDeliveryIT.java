package io.flowgate.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.connectors.events.Outbox;
import io.flowgate.connectors.events.OutboxEvent;
import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook subscriptions on the real gateway, delivering to a real HTTP subscriber on loopback (private networks are
 * allowed for it). Retries are fast here: 100 ms doubling to at most 500 ms, 8 attempts (about 2.7 s) before an event
 * is parked as a dead letter.
 */
class WebhookDeliveryIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String OTHER_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static GatewayServer gateway;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start(Map.ofEntries(
                Map.entry("flowgate.example", false),
                Map.entry("flowgate.events.poll-interval", "50ms"),
                Map.entry("flowgate.events.lease-ttl", "5s"),
                Map.entry("flowgate.events.webhooks.allow-private-networks", true),
                Map.entry("flowgate.events.webhooks.backoff-base", "100ms"),
                Map.entry("flowgate.events.webhooks.backoff-factor", 2),
                Map.entry("flowgate.events.webhooks.backoff-max", "500ms"),
                Map.entry("flowgate.events.webhooks.max-attempts", 8),
                Map.entry("flowgate.events.webhooks.connect-timeout", "1s"),
                Map.entry("flowgate.events.webhooks.read-timeout", "1s")));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void signsEveryDeliveryTheStandardWebhooksWayWithTheCloudEventAsBody() throws Exception {
        try (Subscriber subscriber = Subscriber.start()) {
            JsonNode subscription = subscribe(gateway, subscriber.url(), "order.*");
            String secret = subscription.path("secret").asText();
            OutboxEvent other = write("instance.started", null, "inst-" + UUID.randomUUID(), Map.of());
            OutboxEvent paid = write("order.paid", "downtown", "order-" + UUID.randomUUID(),
                    Map.of("orderId", "A-1", "total", 12.5));

            List<Subscriber.Received> delivered = subscriber.awaitDelivered(d -> !d.isEmpty(), WAIT);

            assertThat(delivered).hasSize(1);
            Subscriber.Received delivery = delivered.get(0);
            assertThat(delivery.webhookId()).isEqualTo(paid.id());
            assertThat(delivery.contentType()).startsWith("application/cloudevents+json");
            long now = System.currentTimeMillis() / 1000;
            assertThat(StandardWebhooks.verify(secret, delivery.webhookId(), delivery.timestamp(), delivery.body(),
                    delivery.signature(), now, 300)).as("signature %s", delivery.signature()).isTrue();
            assertThat(StandardWebhooks.verify(OTHER_SECRET, delivery.webhookId(), delivery.timestamp(),
                    delivery.body(), delivery.signature(), now, 300)).as("another key").isFalse();
            JsonNode event = GatewayServer.JSON.readTree(delivery.body());
            assertThat(event.path("specversion").asText()).isEqualTo("1.0");
            assertThat(event.path("id").asText()).isEqualTo(paid.id());
            assertThat(event.path("type").asText()).isEqualTo("order.paid");
            assertThat(event.path("source").asText()).isEqualTo("/flowgate");
            assertThat(event.path("subject").asText()).isEqualTo(paid.subject());
            assertThat(event.path("tenant").asText()).isEqualTo("downtown");
            assertThat(event.path("data").path("total").asDouble()).isEqualTo(12.5);
            assertThat(subscriber.received()).extracting(Subscriber.Received::webhookId).doesNotContain(other.id());
            unsubscribe(subscription);
        }
    }

    @Test
    void deliversEachEventExactlyOnceWhenNothingFails() {
        try (Subscriber subscriber = Subscriber.start()) {
            JsonNode subscription = subscribe(gateway, subscriber.url(), "task.*");
            List<OutboxEvent> written = new ArrayList<>(writeLines("task.created", 25, 6));
            written.addAll(writeLines("task.completed", 25, 2));

            List<Subscriber.Received> delivered = subscriber.awaitDelivered(d -> d.size() >= written.size(), WAIT);
            sleep(500); // room for a duplicate to show up, if there were one

            assertThat(subscriber.received()).extracting(Subscriber.Received::webhookId)
                    .containsExactlyInAnyOrderElementsOf(written.stream().map(OutboxEvent::id).toList());
            assertInOrderPerSubject(delivered, written);
            unsubscribe(subscription);
        }
    }

    @Test
    void deliversInOrderPerSubjectOnceTheSubscriberAnswersAgain() {
        try (Subscriber subscriber = Subscriber.start()) {
            subscriber.answer(503);
            JsonNode subscription = subscribe(gateway, subscriber.url(), "order.*");
            List<OutboxEvent> written = writeLines("order.paid", 3, 4);
            Set<String> heads = written.stream().filter(e -> ((Number) e.data().get("n")).intValue() == 1)
                    .map(OutboxEvent::id).collect(Collectors.toSet());

            sleep(1_000);
            List<Subscriber.Received> duringOutage = subscriber.received();
            subscriber.answer(200);
            List<Subscriber.Received> delivered = subscriber.awaitDelivered(d -> d.size() >= written.size(), WAIT);

            assertThat(duringOutage).as("retried meanwhile").hasSizeGreaterThan(heads.size());
            assertThat(duringOutage).extracting(Subscriber.Received::webhookId)
                    .as("later events of a subject wait behind its first").allMatch(heads::contains);
            assertThat(delivered).extracting(Subscriber.Received::webhookId)
                    .containsExactlyInAnyOrderElementsOf(written.stream().map(OutboxEvent::id).toList());
            assertInOrderPerSubject(delivered, written);
            assertThat(gateway.get(path(subscription)).json().path("pending").asLong()).isZero();
            unsubscribe(subscription);
        }
    }

    @Test
    void deliversWhatWaitedWhileTheSubscriberWasUnreachable() {
        try (Subscriber subscriber = Subscriber.start()) {
            JsonNode subscription = subscribe(gateway, subscriber.url(), "stock.low", "order.cancelled");
            subscriber.goAway();
            List<OutboxEvent> written = new ArrayList<>(writeLines("stock.low", 2, 3));
            written.addAll(writeLines("order.cancelled", 1, 3));

            sleep(1_000);
            assertThat(subscriber.received()).isEmpty();
            subscriber.comeBack();
            List<Subscriber.Received> delivered = subscriber.awaitDelivered(d -> d.size() >= written.size(), WAIT);

            assertThat(delivered).extracting(Subscriber.Received::webhookId)
                    .containsExactlyInAnyOrderElementsOf(written.stream().map(OutboxEvent::id).toList());
            assertInOrderPerSubject(delivered, written);
            unsubscribe(subscription);
        }
    }

    @Test
    void parksAnEventAfterTheLastAttemptAndDeliversItWhenReplayed() {
        try (Subscriber subscriber = Subscriber.start()) {
            subscriber.answer(500);
            JsonNode subscription = subscribe(gateway, subscriber.url(), "task.created");
            OutboxEvent event = write("task.created", null, "task-" + UUID.randomUUID(), Map.of("taskId", "t-1"));

            JsonNode letters = awaitDeadLetters(subscription, 1);

            assertThat(letters).hasSize(1);
            JsonNode letter = letters.get(0);
            assertThat(letter.path("eventId").asText()).isEqualTo(event.id());
            assertThat(letter.path("type").asText()).isEqualTo("task.created");
            assertThat(letter.path("attempts").asInt()).isEqualTo(8);
            assertThat(letter.path("lastStatus").asInt()).isEqualTo(500);
            assertThat(letter.path("lastError").asText()).contains("HTTP 500");
            assertThat(letter.path("event").path("data").path("taskId").asText()).isEqualTo("t-1");
            assertThat(subscriber.received()).hasSize(8);
            assertThat(gateway.get(path(subscription)).json().path("deadLetters").asLong()).isEqualTo(1);

            subscriber.answer(200);
            Reply replay = gateway.postJson(path(subscription) + "/dead-letters/" + event.id() + "/replay", "");
            List<Subscriber.Received> delivered = subscriber.awaitDelivered(d -> !d.isEmpty(), WAIT);

            assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
            assertThat(delivered).extracting(Subscriber.Received::webhookId).containsExactly(event.id());
            assertThat(gateway.get(path(subscription) + "/dead-letters").json()).isEmpty();
            Reply again = gateway.postJson(path(subscription) + "/dead-letters/" + event.id() + "/replay", "");
            assertThat(again.status()).isEqualTo(404);
            assertThat(again.json().path("code").asText()).isEqualTo("dead-letter-not-found");
            unsubscribe(subscription);
        }
    }

    @Test
    void replaysEveryDeadLetterAtOnceOrDiscardsOne() {
        try (Subscriber subscriber = Subscriber.start()) {
            subscriber.answer(410);
            JsonNode subscription = subscribe(gateway, subscriber.url(), "flow.deployed");
            OutboxEvent first = write("flow.deployed", null, "flow-a-" + UUID.randomUUID(), Map.of());
            OutboxEvent second = write("flow.deployed", null, "flow-b-" + UUID.randomUUID(), Map.of());
            OutboxEvent third = write("flow.deployed", null, "flow-c-" + UUID.randomUUID(), Map.of());
            awaitDeadLetters(subscription, 3);

            Reply discarded = gateway.delete(path(subscription) + "/dead-letters/" + third.id());
            subscriber.answer(204);
            Reply replayed = gateway.postJson(path(subscription) + "/dead-letters/replay", "");
            List<Subscriber.Received> delivered = subscriber.awaitDelivered(d -> d.size() >= 2, WAIT);

            assertThat(discarded.status()).isEqualTo(204);
            assertThat(replayed.json().path("replayed").asInt()).isEqualTo(2);
            sleep(300);
            assertThat(subscriber.delivered()).extracting(Subscriber.Received::webhookId)
                    .containsExactlyInAnyOrder(first.id(), second.id());
            unsubscribe(subscription);
        }
    }

    @Test
    void aNewSubscriptionReceivesTheEventsWrittenAfterItNotTheHistory() {
        try (Subscriber subscriber = Subscriber.start()) {
            OutboxEvent before = write("instance.completed", null, "inst-" + UUID.randomUUID(), Map.of());
            JsonNode subscription = subscribe(gateway, subscriber.url(), "instance.completed");
            OutboxEvent after = write("instance.completed", null, "inst-" + UUID.randomUUID(), Map.of());

            List<Subscriber.Received> delivered = subscriber.awaitDelivered(d -> !d.isEmpty(), WAIT);
            sleep(300);

            assertThat(delivered).extracting(Subscriber.Received::webhookId).containsExactly(after.id());
            assertThat(subscriber.received()).extracting(Subscriber.Received::webhookId).doesNotContain(before.id());
            unsubscribe(subscription);
        }
    }

    @Test
    void aTenantAdminsSubscriptionReceivesAndShowsOnlyItsTenant() {
        GatewayServer downtownAdmin = gateway.as(gateway.createUser("downtown-admin", "downtown", "admin"));
        GatewayServer uptownAdmin = gateway.as(gateway.createUser("uptown-admin", "uptown", "admin"));
        try (Subscriber subscriber = Subscriber.start()) {
            JsonNode subscription = subscribe(downtownAdmin, subscriber.url(), "order.*");
            OutboxEvent uptown = write("order.paid", "uptown", "order-" + UUID.randomUUID(), Map.of());
            OutboxEvent platform = write("order.paid", null, "order-" + UUID.randomUUID(), Map.of());
            OutboxEvent downtown = write("order.paid", "downtown", "order-" + UUID.randomUUID(), Map.of());

            List<Subscriber.Received> delivered = subscriber.awaitDelivered(d -> !d.isEmpty(), WAIT);
            sleep(300);

            assertThat(delivered).extracting(Subscriber.Received::webhookId).containsExactly(downtown.id());
            assertThat(subscriber.received()).extracting(Subscriber.Received::webhookId)
                    .doesNotContain(uptown.id(), platform.id());
            assertThat(subscription.path("tenant").asText()).isEqualTo("downtown");
            assertThat(uptownAdmin.get(path(subscription)).status()).isEqualTo(404);
            assertThat(uptownAdmin.get("/admin/subscriptions").json().findValuesAsText("id"))
                    .doesNotContain(subscription.path("id").asText());
            assertThat(gateway.get("/admin/subscriptions").json().findValuesAsText("id"))
                    .as("the platform admin sees every tenant's").contains(subscription.path("id").asText());
            assertThat(uptownAdmin.delete(path(subscription)).status()).isEqualTo(404);
            assertThat(downtownAdmin.delete(path(subscription)).status()).isEqualTo(204);
        }
    }

    static JsonNode subscribe(GatewayServer as, String url, String... eventTypes) {
        Reply created = as.postJson("/admin/subscriptions", "{\"url\":\"" + url + "\",\"eventTypes\":"
                + GatewayServer.JSON.valueToTree(List.of(eventTypes)) + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private static void unsubscribe(JsonNode subscription) {
        assertThat(gateway.delete(path(subscription)).status()).isEqualTo(204);
    }

    private static String path(JsonNode subscription) {
        return "/admin/subscriptions/" + subscription.path("id").asText();
    }

    private static JsonNode awaitDeadLetters(JsonNode subscription, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode letters = gateway.get(path(subscription) + "/dead-letters").json();
        while (letters.size() < count && System.nanoTime() < deadline) {
            sleep(100);
            letters = gateway.get(path(subscription) + "/dead-letters").json();
        }
        return letters;
    }

    private static OutboxEvent write(String type, String tenant, String subject, Map<String, Object> data) {
        OutboxEvent event = OutboxEvent.of(type, tenant, subject, data);
        gateway.context().getBean(Outbox.class).append(event);
        return event;
    }

    /** {@code perSubject} events for each of {@code subjects} new subjects, interleaved, numbered n = 1, 2, … */
    static List<OutboxEvent> writeLines(String type, int subjects, int perSubject) {
        List<String> names = new ArrayList<>();
        for (int s = 0; s < subjects; s++) {
            names.add(type + "-" + UUID.randomUUID());
        }
        List<OutboxEvent> written = new ArrayList<>();
        for (int n = 1; n <= perSubject; n++) {
            for (String subject : names) {
                written.add(write(type, null, subject, Map.of("n", n)));
            }
        }
        return written;
    }

    /** Each subject's events were delivered (first time each, duplicates ignored) in the order they were written. */
    static void assertInOrderPerSubject(List<Subscriber.Received> delivered, List<OutboxEvent> written) {
        Map<String, OutboxEvent> byId = written.stream().collect(Collectors.toMap(OutboxEvent::id, e -> e));
        Map<String, List<Integer>> seen = new LinkedHashMap<>();
        Set<String> firsts = new java.util.HashSet<>();
        for (Subscriber.Received r : delivered) {
            OutboxEvent event = byId.get(r.webhookId());
            if (event != null && firsts.add(r.webhookId())) {
                seen.computeIfAbsent(event.subject(), s -> new ArrayList<>())
                        .add(((Number) event.data().get("n")).intValue());
            }
        }
        seen.forEach((subject, order) -> assertThat(order).as(subject).isSorted());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
