package io.flowgate.gateway.events.internal;

import io.flowgate.connectors.events.OutboxEvent;
import io.flowgate.connectors.events.StoredEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SubjectWavesTest {

    @Test
    void putsEachSubjectAtMostOncePerWaveInSeqOrder() {
        List<StoredEvent> batch = List.of(row(1, "A"), row(2, "A"), row(3, "B"), row(4, "A"), row(5, "C"),
                row(6, "B"));

        List<List<Long>> waves = SubjectWaves.of(batch).stream()
                .map(wave -> wave.stream().map(StoredEvent::seq).toList()).toList();

        assertThat(waves).containsExactly(List.of(1L, 3L, 5L), List.of(2L, 6L), List.of(4L));
    }

    @Test
    void sendsABatchOfDistinctSubjectsInOneWave() {
        assertThat(SubjectWaves.of(List.of(row(1, "A"), row(2, "B"), row(3, "C")))).hasSize(1);
        assertThat(SubjectWaves.of(List.of())).isEmpty();
    }

    private static StoredEvent row(long seq, String subject) {
        return new StoredEvent(seq, OutboxEvent.of("order.paid", null, subject, Map.of()));
    }
}
