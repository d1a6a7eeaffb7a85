package io.flowgate.gateway.events.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.connectors.events.Outbox;
import io.flowgate.connectors.events.OutboxEvent;
import io.flowgate.connectors.events.StoredEvent;
import io.flowgate.connectors.storage.ModuleSchema;
import io.flowgate.connectors.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxRetentionTest {

    private static final Duration RETENTION = Duration.ofDays(7);

    private final HikariDataSource db = TestDatabase.pool(4);
    private final TestDatabase.MovableClock clock = new TestDatabase.MovableClock();
    private final Outbox outbox = new Outbox(db);
    private final OutboxRetention retention = new OutboxRetention(db, RETENTION, 3, clock);

    OutboxRetentionTest() {
        ModuleSchema.migrate(db, "events");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void deletesEventsOlderThanTheRetentionOnceTheRelayInUseCarriedThem() {
        List<Long> old = append(7, "old");
        clock.advance(RETENTION.plusDays(1));
        append(2, "young");
        relayInUse("webhooks", lastOf(old) + 2); // carried everything

        assertThat(retention.purge()).isEqualTo(7); // in batches of 3, 3 and 1

        assertThat(subjects()).containsOnly("young");
    }

    @Test
    void keepsOldEventsARelayInUseHasNotCarriedYet() {
        List<Long> old = append(4, "old");
        clock.advance(RETENTION.plusDays(1));
        relayInUse("webhooks", old.get(1)); // carried the first two only

        assertThat(retention.purge()).isEqualTo(2);

        assertThat(subjects()).hasSize(2);
    }

    @Test
    void aRelayThatHasNotRunWithinTheRetentionHoldsNothingBack() {
        List<Long> old = append(3, "old");
        clock.advance(RETENTION.plusDays(1));
        relayInUse("webhooks", lastOf(old));
        // the kafka relay never ran here (Kafka not configured): its cursor is still 0

        assertThat(retention.purge()).isEqualTo(3);
        assertThat(subjects()).isEmpty();
    }

    private List<Long> append(int count, String subject) {
        for (int i = 0; i < count; i++) {
            outbox.append(new OutboxEvent(UUID.randomUUID().toString(), "order.paid", clock.instant(), null, subject,
                    Map.of()));
        }
        List<StoredEvent> rows = outbox.after(0, 1_000);
        return rows.subList(rows.size() - count, rows.size()).stream().map(StoredEvent::seq).toList();
    }

    private static long lastOf(List<Long> seqs) {
        return seqs.get(seqs.size() - 1);
    }

    /** The relay renewed its lease just now and has carried everything up to {@code through}. */
    private void relayInUse(String relay, long through) {
        TestDatabase.execute(db, "UPDATE event_relay_leases SET owner = 'node-a', expires_at = ? WHERE name = ?",
                clock.millis() + 30_000, relay);
        TestDatabase.execute(db, "UPDATE event_relay_cursors SET handled_through = ? WHERE relay = ?", through, relay);
    }

    private List<String> subjects() {
        return outbox.after(0, 1_000).stream().map(row -> row.event().subject()).toList();
    }
}
