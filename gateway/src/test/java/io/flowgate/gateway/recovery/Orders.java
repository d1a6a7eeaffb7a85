package io.flowgate.gateway.recovery;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restaurant example seen from a test that kills gateways: orders are placed without waiting for their answers
 * (the node may die first), found again by what the payment provider saw, and followed through {@code GET /orders}.
 */
final class Orders {

    static final String STORE = "downtown";
    static final String SKU = "burger";
    private static final Duration POLL = Duration.ofMillis(250);

    private Orders() {
    }

    /** Places {@code count} orders of one burger each, answers ignored (a killed node answers nothing). */
    static ExecutorService placeWithoutWaiting(RunningGateway gateway, String customerToken, int count) {
        ExecutorService senders = Executors.newFixedThreadPool(count);
        String body = "{\"store\":\"" + STORE + "\",\"items\":[{\"sku\":\"" + SKU + "\",\"qty\":1}],"
                + "\"paymentToken\":\"tok_visa\"}";
        for (int i = 0; i < count; i++) {
            senders.submit(() -> gateway.post("/orders", customerToken, "application/json", body));
        }
        senders.shutdown();
        return senders;
    }

    /**
     * Waits until the store holds {@code reserved} burgers for orders: every order placed so far has committed its
     * start (the order, its stock hold, its payment deadline and its charge job are written together).
     */
    static void awaitReserved(RunningGateway gateway, String staffToken, long reserved, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (stock(gateway, staffToken).path("reserved").asLong() < reserved) {
            assertThat(Instant.now()).as("%d burgers reserved within %s", reserved, timeout).isBefore(deadline);
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Waits until the provider has seen charges of {@code count} orders in all (from any node); returns them. */
    static List<RecordingPaymentProvider.Attempt> awaitCharges(RecordingPaymentProvider provider, int count,
                                                                Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (distinctKeys(provider.attempts()) < count) {
            assertThat(Instant.now()).as("%d charges reached the provider within %s; it saw %s", count, timeout,
                    provider.attempts()).isBefore(deadline);
            Thread.sleep(POLL.toMillis());
        }
        return provider.attempts();
    }

    private static long distinctKeys(List<RecordingPaymentProvider.Attempt> attempts) {
        return attempts.stream().map(RecordingPaymentProvider.Attempt::key).distinct().count();
    }

    /** The orders the provider was asked to charge for, by their idempotency key. */
    static Map<String, String> orderByKey(List<RecordingPaymentProvider.Attempt> attempts) {
        return attempts.stream().collect(Collectors.toMap(RecordingPaymentProvider.Attempt::key,
                RecordingPaymentProvider.Attempt::orderRef, (a, b) -> a, TreeMap::new));
    }

    /**
     * Polls the orders until each is in one of the {@code final} states or the timeout passes; returns the states
     * last read (an order another test step must not see as PAYING is then visible in the failure).
     */
    static Map<String, String> awaitFinal(RunningGateway gateway, String staffToken, Collection<String> orderIds,
                                          Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, String> states = states(gateway, staffToken, orderIds);
        while (states.values().stream().anyMatch(state -> !state.equals("PAID") && !state.equals("CANCELLED"))
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL.toMillis());
            states = states(gateway, staffToken, orderIds);
        }
        return states;
    }

    static Map<String, String> states(RunningGateway gateway, String staffToken, Collection<String> orderIds) {
        Map<String, String> states = new TreeMap<>();
        for (String id : orderIds) {
            RunningGateway.Reply reply = gateway.get("/orders/" + id, staffToken);
            states.put(id, reply.status() == 200 ? reply.json().path("state").asText() : "HTTP " + reply.status());
        }
        return states;
    }

    /** The store's stock of the SKU: onHand, reserved, available. */
    static JsonNode stock(RunningGateway gateway, String staffToken) {
        RunningGateway.Reply reply = gateway.get("/stores/" + STORE + "/stock", staffToken);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        for (JsonNode line : reply.json().path("stock")) {
            if (SKU.equals(line.path("sku").asText())) {
                return line;
            }
        }
        throw new AssertionError("no " + SKU + " in " + reply);
    }
}
