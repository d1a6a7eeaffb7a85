package io.flowgate.gateway.events.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.connectors.events.Outbox;
import io.flowgate.connectors.events.OutboxEvent;
import io.flowgate.connectors.events.StoredEvent;
import io.flowgate.connectors.storage.ModuleSchema;
import io.flowgate.connectors.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxReaderTest {

    private static final Duration GAP_TIMEOUT = Duration.ofMinutes(2);

    private final HikariDataSource db = TestDatabase.pool(4);
    private final TestDatabase.MovableClock clock = new TestDatabase.MovableClock();
    private final Outbox outbox = new Outbox(db);
    private final OutboxReader reader;

    OutboxReaderTest() {
        ModuleSchema.migrate(db, "events");
        reader = new OutboxReader(db, "kafka", GAP_TIMEOUT, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void readsUnhandledRowsOldestFirstAndNeverAHandledOneAgain() {
        for (int i = 1; i <= 5; i++) {
            outbox.append(OutboxEvent.of("order.paid", null, "order-" + i, Map.of("n", i)));
        }

        List<StoredEvent> first = reader.unhandled(3);
        reader.markHandled(first.stream().map(StoredEvent::seq).toList());

        assertThat(first).extracting(row -> row.event().subject()).containsExactly("order-1", "order-2", "order-3");
        assertThat(first.get(0).event().data()).isEqualTo(Map.of("n", 1));
        assertThat(reader.unhandled(10)).extracting(row -> row.event().subject()).containsExactly("order-4", "order-5");
    }

    @Test
    void aRowCommittedAfterALaterOneIsStillRead() throws Exception {
        try (Connection slow = db.getConnection()) {
            slow.setAutoCommit(false);
            Outbox.append(slow, OutboxEvent.of("order.paid", null, "slow", Map.of())); // seq 1, not committed yet
            outbox.append(OutboxEvent.of("order.paid", null, "fast", Map.of()));        // seq 2, committed

            List<StoredEvent> visible = reader.unhandled(10);
            reader.markHandled(visible.stream().map(StoredEvent::seq).toList());
            reader.compact();
            assertThat(visible).extracting(row -> row.event().subject()).containsExactly("fast");
            assertThat(reader.cursor()).as("not past the open write").isZero();

            slow.commit();
        }

        assertThat(reader.unhandled(10)).extracting(row -> row.event().subject()).containsExactly("slow");
    }

    @Test
    void theCursorFollowsHandledRowsAndForgetsThem() {
        for (int i = 0; i < 4; i++) {
            outbox.append(OutboxEvent.of("task.created", null, "t" + i, Map.of()));
        }
        List<StoredEvent> rows = reader.unhandled(10);
        reader.markHandled(rows.subList(0, 3).stream().map(StoredEvent::seq).toList());

        long cursor = reader.compact();

        assertThat(cursor).isEqualTo(rows.get(2).seq());
        assertThat(TestDatabase.queryLong(db, "SELECT COUNT(*) FROM event_relay_handled")).isZero();
        assertThat(reader.unhandled(10)).containsExactly(rows.get(3));
    }

    @Test
    void theCursorPassesAMissingSeqOnlyAfterTheGapTimeout() {
        insertWithSeq(1, "a");
        insertWithSeq(3, "c"); // 2 is missing: a write still open, or one rolled back
        reader.markHandled(reader.unhandled(10).stream().map(StoredEvent::seq).toList());

        assertThat(reader.compact()).isEqualTo(1);
        clock.advance(GAP_TIMEOUT.minusSeconds(1));
        assertThat(reader.compact()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        assertThat(reader.compact()).isEqualTo(3);
        assertThat(TestDatabase.queryLong(db, "SELECT COUNT(*) FROM event_relay_handled")).isZero();
    }

    @Test
    void relaysKeepTheirOwnProgress() {
        outbox.append(OutboxEvent.of("order.paid", null, "x", Map.of()));
        reader.markHandled(reader.unhandled(10).stream().map(StoredEvent::seq).toList());

        assertThat(reader.unhandled(10)).isEmpty();
        assertThat(new OutboxReader(db, "webhooks", GAP_TIMEOUT, clock).unhandled(10)).hasSize(1);
    }

    private void insertWithSeq(long seq, String subject) {
        TestDatabase.execute(db, "INSERT INTO outbox_events (seq, id, type, event_time, tenant, subject, data) "
                + "VALUES (?, ?, 'order.paid', 0, NULL, ?, '{}')", seq, UUID.randomUUID().toString(), subject);
    }
}
