package io.flowgate.gateway.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.recovery.RecordingPaymentProvider.Attempt;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Item 4 of issue 15 as an SRE saw it: orders whose charge is in progress when the only node is killed
 * ({@code kill -9}) must end as if there had been no crash once it restarts on the same data — paid within seconds,
 * not cancelled after Camunda's five-minute job lock, no stock left held — and a payment deadline that fell due while
 * the node was down must not cancel them. The payment provider runs in this test, outside the gateways, and holds
 * the first node's charges unanswered: they are in progress when the node dies. Subclasses say on which database
 * ({@link #database}).
 */
abstract class CrashRecoveryContract {

    /**
     * Orders in flight at the kill: the job executor's two threads (its default core pool) run two charges the
     * provider holds, the other two charge jobs are acquired and queued behind them — all four locked by the node.
     */
    private static final int ORDERS = 4;
    private static final int CHARGING = 2;
    /** The deadline of the test's copy of the order flow, instead of the example's minute. */
    private static final Duration SHORT_DEADLINE = Duration.ofSeconds(20);
    /** "Within seconds": generous for a loaded 2-core machine, far below Camunda's 5-minute default lock. */
    private static final Duration WITHIN = Duration.ofSeconds(45);
    /**
     * Until item 1 of issue 15 (the durable helper) makes every H2 commit durable at once, H2 writes commits up to
     * about a second late: waiting this long after the orders' starts committed makes the crash test the recovery
     * of in-flight orders, not H2's write delay.
     */
    private static final Duration WRITTEN = Duration.ofMillis(1500);

    /** The environment that puts a gateway on this test's database (the same for both processes of a test). */
    abstract Map<String, String> database(String test) throws Exception;

    abstract String databaseName();

    @Test
    void ordersWhoseChargeWasInProgressWhenTheNodeWasKilledArePaidWithinSecondsOfTheRestart() throws Exception {
        Map<String, String> database = database("in-flight");
        try (RecordingPaymentProvider provider = RecordingPaymentProvider.start()) {
            Node first = Node.start(databaseName() + "-in-flight-first", "first", database, provider);
            closeLater(first);
            JsonNode before = Orders.stock(first.gateway, first.staff);
            List<String> held = placeAndHold(first, provider, before);

            first.gateway.kill();
            Instant killed = Instant.now();
            try (Node second = Node.start(databaseName() + "-in-flight-second", "second", database, provider)) {
                Instant up = Instant.now();
                Map<String, String> orders = Orders.orderByKey(Orders.awaitCharges(provider, ORDERS, WITHIN));
                Map<String, String> states = Orders.awaitFinal(second.gateway, second.staff, orders.values(), WITHIN);
                Instant settled = Instant.now();
                Instant firstRun = provider.attempts().stream().filter(a -> a.node().equals("second"))
                        .map(Attempt::at).min(Instant::compareTo).orElseThrow();
                System.out.printf("[recovery] %s: %d orders in flight at kill -9 (%d charging); the restarted node "
                                + "answered /health %d ms after the kill, charged again %d ms after the kill, all "
                                + "paid %d ms after the kill (node %s)%n", databaseName(), ORDERS, held.size(),
                        Duration.between(killed, up).toMillis(), Duration.between(killed, firstRun).toMillis(),
                        Duration.between(killed, settled).toMillis(), second.gateway.nodeId().orElse("?"));

                assertThat(states).as("orders after the restart").hasSize(ORDERS).allSatisfy((id, state) ->
                        assertThat(state).isEqualTo("PAID"));
                for (String key : orders.keySet()) {
                    assertThat(provider.attempts()).filteredOn(a -> a.key().equals(key))
                            .as("charge attempts of key %s: one lost with the first node if it was charging, then "
                                    + "one after the restart", key).extracting(Attempt::node)
                            .containsExactlyElementsOf(held.contains(key) ? List.of("first", "second")
                                    : List.of("second"));
                }
                assertThat(provider.cancellations()).as("charges cancelled").isEmpty();
                JsonNode after = Orders.stock(second.gateway, second.staff);
                assertThat(after.path("reserved").asLong()).as("stock held").isEqualTo(before.path("reserved").asLong());
                assertThat(after.path("onHand").asLong()).isEqualTo(before.path("onHand").asLong() - ORDERS);
            }
        }
    }

    @Test
    void aPaymentDeadlineThatFellDueWhileTheNodeWasDownDoesNotCancelTheOrders() throws Exception {
        Map<String, String> database = database("deadline");
        try (RecordingPaymentProvider provider = RecordingPaymentProvider.start()) {
            Node first = Node.start(databaseName() + "-deadline-first", "first", database, provider);
            closeLater(first);
            RunningGateway.Reply deployed = first.gateway.post("/admin/flows?file=order-fulfilment.bpmn",
                    first.gateway.adminToken(), "application/xml", orderFlowWithDeadline(SHORT_DEADLINE));
            assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
            JsonNode before = Orders.stock(first.gateway, first.staff);
            Instant placed = Instant.now();
            placeAndHold(first, provider, before);
            Instant started = Instant.now();

            first.gateway.kill();
            // the node stays down until every payment deadline (started between placed and started) has fallen due
            Instant lastDue = started.plus(SHORT_DEADLINE).plusSeconds(3);
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), lastDue).toMillis()));
            try (Node second = Node.start(databaseName() + "-deadline-second", "second", database, provider)) {
                Map<String, String> charging = Orders.awaitFinal(second.gateway, second.staff,
                        Orders.orderByKey(provider.attempts()).values(), WITHIN);
                assertThat(charging).as("orders mid-charge at the kill, after a downtime longer than their payment "
                        + "deadline").allSatisfy((id, state) -> assertThat(state).isEqualTo("PAID"));
                Map<String, String> orders = Orders.orderByKey(Orders.awaitCharges(provider, ORDERS, WITHIN));
                Map<String, String> states = Orders.awaitFinal(second.gateway, second.staff, orders.values(), WITHIN);
                System.out.printf("[recovery] %s: %d orders placed %s before the restart, whose %s payment deadline "
                                + "fell due while the node was down: %s%n", databaseName(), ORDERS,
                        Duration.between(placed, Instant.now()).toSeconds() + "s", SHORT_DEADLINE, states.values());

                assertThat(states).as("orders after a downtime longer than their payment deadline").hasSize(ORDERS)
                        .allSatisfy((id, state) -> assertThat(state).isEqualTo("PAID"));
                assertThat(provider.cancellations()).as("charges cancelled").isEmpty();
                JsonNode after = Orders.stock(second.gateway, second.staff);
                assertThat(after.path("reserved").asLong()).as("stock held").isEqualTo(before.path("reserved").asLong());
            }
        }
    }

    /**
     * Places the orders on {@code node} while the provider holds its charges, and returns once every order's start
     * committed (its stock is reserved) and the job executor's threads are busy with held charges; returns the
     * idempotency keys of those charges.
     */
    private static List<String> placeAndHold(Node node, RecordingPaymentProvider provider, JsonNode before)
            throws InterruptedException {
        provider.hold(node.name);
        Orders.placeWithoutWaiting(node.gateway, node.customer, ORDERS);
        Orders.awaitReserved(node.gateway, node.staff, before.path("reserved").asLong() + ORDERS,
                Duration.ofSeconds(90));
        List<String> held = Orders.awaitCharges(provider, CHARGING, Duration.ofSeconds(90)).stream()
                .map(Attempt::key).distinct().toList();
        Thread.sleep(WRITTEN.toMillis());
        return held;
    }

    private final List<Node> started = new java.util.ArrayList<>();

    /** A first node the test kills: stopped after the test should it fail before. */
    private void closeLater(Node node) {
        started.add(node);
    }

    @org.junit.jupiter.api.AfterEach
    void stopWhatStillRuns() throws InterruptedException {
        for (Node node : started) {
            node.close();
        }
    }

    /** The example's order flow with another payment deadline. */
    static String orderFlowWithDeadline(Duration deadline) throws IOException {
        try (InputStream in = CrashRecoveryContract.class.getResourceAsStream(
                "/examples/restaurant/order-fulfilment.bpmn")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String minute = "<bpmn:timeDuration>PT1M</bpmn:timeDuration>";
            assertThat(xml).contains(minute);
            return xml.replace(minute, "<bpmn:timeDuration>" + deadline + "</bpmn:timeDuration>");
        }
    }

    /** A gateway process with a customer's and a clerk's token (users of bistro, which owns downtown). */
    static final class Node implements AutoCloseable {

        final String name;
        final RunningGateway gateway;
        final String customer;
        final String staff;

        private Node(String name, RunningGateway gateway, String customer, String staff) {
            this.name = name;
            this.gateway = gateway;
            this.customer = customer;
            this.staff = staff;
        }

        /**
         * Starts a gateway called {@code name} that reaches the provider as {@code node}; creates the users on the
         * first start of a database and logs them in on later ones.
         */
        static Node start(String name, String node, Map<String, String> database, RecordingPaymentProvider provider)
                throws Exception {
            Map<String, String> environment = new HashMap<>(database);
            environment.put("FLOWGATE_PAYMENTS_PROVIDER", "http");
            environment.put("FLOWGATE_PAYMENTS_URL", provider.urlFor(node));
            // a held charge must still be in progress (not timed out) when the node is killed
            environment.put("FLOWGATE_PAYMENTS_READ_TIMEOUT", "2m");
            RunningGateway gateway = RunningGateway.start(name, environment);
            RunningGateway.Reply probe = gateway.post("/auth/token", null, "application/json",
                    "{\"username\":\"cora\",\"password\":\"" + RunningGateway.USER_PASSWORD + "\"}");
            if (probe.status() == 200) {
                return new Node(node, gateway, probe.json().path("access_token").asText(),
                        gateway.login("sam", RunningGateway.USER_PASSWORD));
            }
            return new Node(node, gateway, gateway.createUser("cora", "bistro", "customer"),
                    gateway.createUser("sam", "bistro", "customer-service"));
        }

        @Override
        public void close() throws InterruptedException {
            gateway.close();
        }
    }
}
