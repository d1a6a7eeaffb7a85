package io.flowgate.gateway.cluster;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxCursorTest {

    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
    private final OutboxCursor cursor = new OutboxCursor(10, Duration.ofMinutes(2));

    @Test
    void startsAfterWhatWasThereAtStartUp() {
        assertThat(cursor.floor()).isEqualTo(10);
        assertThat(cursor.isNew(10)).isFalse();
        assertThat(cursor.isNew(11)).isTrue();
    }

    @Test
    void aRowHandledIsNotNewAgainWhileTheFloorStaysBelowIt() {
        cursor.handled(13);
        cursor.observed(13, T0);

        assertThat(cursor.isNew(13)).isFalse();
        assertThat(cursor.isNew(12)).isTrue(); // 11 and 12 may still commit
        assertThat(cursor.floor()).isEqualTo(10);
    }

    @Test
    void movesTheFloorOnlyOverWhatHadTheGapTimeoutToSettle() {
        cursor.handled(13);
        cursor.observed(13, T0);
        cursor.handled(20);
        cursor.observed(20, T0.plusSeconds(60));

        cursor.observed(20, T0.plusSeconds(119));
        assertThat(cursor.floor()).isEqualTo(10);

        cursor.observed(21, T0.plusSeconds(120)); // the first mark (13 at T0) has settled
        assertThat(cursor.floor()).isEqualTo(13);
        assertThat(cursor.isNew(12)).isFalse(); // a write open for two minutes is taken as rolled back
        assertThat(cursor.isNew(20)).isFalse();
        assertThat(cursor.remembered()).isEqualTo(1);

        cursor.observed(21, T0.plusSeconds(180));
        assertThat(cursor.floor()).isEqualTo(20);
        assertThat(cursor.remembered()).isZero();
    }
}
