package io.flowgate.gateway.events.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.connectors.storage.ModuleSchema;
import io.flowgate.connectors.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class RelayLeaseTest {

    private static final Duration TTL = Duration.ofSeconds(30);

    private final HikariDataSource db = TestDatabase.pool(12);
    private final TestDatabase.MovableClock clock = new TestDatabase.MovableClock();

    RelayLeaseTest() {
        ModuleSchema.migrate(db, "outbox");
        ModuleSchema.migrate(db, "events");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private RelayLease lease(String owner, Clock clock) {
        return new RelayLease(db, "kafka", owner, TTL, clock);
    }

    @Test
    void oneNodeHoldsTheLeaseAtATimeAndKeepsItByRenewing() {
        RelayLease a = lease("node-a", clock);
        RelayLease b = lease("node-b", clock);

        assertThat(a.acquire()).isTrue();
        assertThat(b.acquire()).isFalse();
        clock.advance(TTL.minusSeconds(1));
        assertThat(a.acquire()).as("renewed").isTrue();
        clock.advance(TTL.minusSeconds(1));
        assertThat(b.acquire()).as("still renewed by a").isFalse();
        assertThat(a.held()).isTrue();
        assertThat(b.held()).isFalse();
    }

    @Test
    void anotherNodeTakesOverOnceTheHolderStopsRenewing() {
        RelayLease a = lease("node-a", clock);
        RelayLease b = lease("node-b", clock);
        a.acquire();

        clock.advance(TTL.plusMillis(1));

        assertThat(b.acquire()).isTrue();
        assertThat(a.acquire()).as("the old holder comes back too late").isFalse();
    }

    @Test
    void aReleasedLeaseIsTakenAtOnceAndNeverRenewedByTheNodeThatLetItGo() {
        RelayLease a = lease("node-a", clock);
        RelayLease b = lease("node-b", clock);
        a.acquire();

        a.release();

        assertThat(b.acquire()).isTrue();
        b.release();
        assertThat(a.acquire()).as("retired").isFalse();
    }

    @Test
    void leasesOfDifferentRelaysAreIndependent() {
        assertThat(lease("node-a", clock).acquire()).isTrue();
        assertThat(new RelayLease(db, "webhooks", "node-b", TTL, clock).acquire()).isTrue();
    }

    @Test
    void ofNodesRacingForAnExpiredLeaseExactlyOneWins() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 30; round++) {
                TestDatabase.execute(db, "UPDATE event_relay_leases SET owner = NULL, expires_at = 0");
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> tries = new ArrayList<>();
                for (int n = 0; n < 8; n++) {
                    RelayLease lease = lease("node-" + n, Clock.systemUTC());
                    tries.add(nodes.submit(() -> {
                        go.await();
                        return lease.acquire();
                    }));
                }
                go.countDown();
                int winners = 0;
                for (Future<Boolean> attempt : tries) {
                    winners += attempt.get() ? 1 : 0;
                }
                assertThat(winners).as("round %d", round).isEqualTo(1);
            }
        } finally {
            nodes.shutdownNow();
        }
    }
}
