package io.flowgate.gateway.recovery;

import io.flowgate.gateway.recovery.CrashRecoveryContract.Node;
import io.flowgate.gateway.recovery.RecordingPaymentProvider.Attempt;
import io.flowgate.gateway.testsupport.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway processes on one PostgreSQL: when one is killed in the middle of its charges, the other runs them
 * within seconds (it sees the dead node's heartbeat stop and releases its job locks), and no charge ever runs on two
 * live nodes — not even one slower than the job lock time. Which node sent each charge is told by the URL each
 * node has for the provider ({@link RecordingPaymentProvider}).
 */
class TwoNodesTakeOverIT {

    private static final int ORDERS = 6;
    private static final Duration WITHIN = Duration.ofSeconds(45);
    private static PostgresServer postgres;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.startNew();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void theChargesOfANodeKilledMidChargeAreRunByTheOtherNodeWithinSeconds() throws Exception {
        Map<String, String> database = CrashRecoveryOnPostgresIT.onPostgres(postgres.newDatabaseUrl(), "takeover");
        try (RecordingPaymentProvider provider = RecordingPaymentProvider.start()) {
            provider.hold("a");
            try (Node a = Node.start("pg-takeover-a", "a", database, provider);
                 Node b = Node.start("pg-takeover-b", "b", database, provider)) {
                long reserved = Orders.stock(a.gateway, a.staff).path("reserved").asLong();
                Orders.placeWithoutWaiting(a.gateway, a.customer, ORDERS);
                Orders.awaitReserved(a.gateway, a.staff, reserved + ORDERS, Duration.ofSeconds(90));
                Orders.awaitCharges(provider, 1, Duration.ofSeconds(90));
                a.gateway.kill();
                Instant killed = Instant.now();
                List<String> heldByA = provider.attempts().stream().filter(attempt -> attempt.node().equals("a"))
                        .map(Attempt::key).toList();
                assertThat(heldByA).as("charges in progress on the node killed").isNotEmpty();
                Map<String, String> orders = Orders.orderByKey(Orders.awaitCharges(provider, ORDERS, WITHIN));
                Map<String, String> states = Orders.awaitFinal(b.gateway, b.staff, orders.values(), WITHIN);
                Instant settled = Instant.now();

                assertThat(states).as("orders after node a died").hasSize(ORDERS).allSatisfy((id, state) ->
                        assertThat(state).isEqualTo("PAID"));
                List<Attempt> all = provider.attempts();
                for (String key : orders.keySet()) {
                    List<Attempt> ofKey = all.stream().filter(attempt -> attempt.key().equals(key)).toList();
                    if (heldByA.contains(key)) {
                        assertThat(ofKey).as("charges of %s: a's, lost with a; then b's, after a died", key)
                                .extracting(Attempt::node).containsExactly("a", "b");
                        assertThat(ofKey.get(1).at()).as("b charged only after a was killed").isAfter(killed);
                    } else {
                        assertThat(ofKey).as("charges of %s, run by b only", key)
                                .extracting(Attempt::node).containsExactly("b");
                    }
                }
                Instant firstTakeOver = all.stream().filter(attempt -> attempt.node().equals("b")
                        && heldByA.contains(attempt.key())).map(Attempt::at).min(Instant::compareTo).orElseThrow();
                System.out.printf("[recovery] two nodes on postgres: %d charges of the killed node a were run by b "
                                + "%d ms after the kill, all %d orders paid after %d ms (b is %s)%n", heldByA.size(),
                        Duration.between(killed, firstTakeOver).toMillis(), ORDERS,
                        Duration.between(killed, settled).toMillis(), b.gateway.nodeId().orElse("?"));
                assertThat(b.gateway.log()).contains("takes it for dead");
            }
        }
    }

    @Test
    void aChargeSlowerThanTheJobLockTimeRunsOnceWhileItsNodeLives() throws Exception {
        Map<String, String> database = new HashMap<>(
                CrashRecoveryOnPostgresIT.onPostgres(postgres.newDatabaseUrl(), "slow-charges"));
        database.put("FLOWGATE_JOB_LOCK_TIME", "8s");
        try (RecordingPaymentProvider provider = RecordingPaymentProvider.start()) {
            provider.delay(Duration.ofSeconds(15));
            try (Node a = Node.start("pg-slow-a", "a", database, provider);
                 Node b = Node.start("pg-slow-b", "b", database, provider)) {
                Orders.placeWithoutWaiting(a.gateway, a.customer, 3);
                Map<String, String> orders = Orders.orderByKey(Orders.awaitCharges(provider, 3,
                        Duration.ofSeconds(90)));
                Map<String, String> states = Orders.awaitFinal(b.gateway, b.staff, orders.values(),
                        Duration.ofSeconds(90));

                assertThat(states).allSatisfy((id, state) -> assertThat(state).isEqualTo("PAID"));
                for (String key : orders.keySet()) {
                    assertThat(provider.attempts()).filteredOn(attempt -> attempt.key().equals(key))
                            .as("a 15 s charge with 8 s job locks, both nodes alive: charged once").hasSize(1);
                }
            }
        }
    }
}
