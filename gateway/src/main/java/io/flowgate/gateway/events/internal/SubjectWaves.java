package io.flowgate.gateway.events.internal;

import io.flowgate.connectors.events.StoredEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a batch into waves that hold at most one event per subject, keeping seq order inside each subject: wave 1
 * holds each subject's first event, wave 2 each subject's second, and so on. A wave can be sent all at once; the next
 * wave goes only after the whole wave was acknowledged, so an event is never stored after a later one of its subject
 * — even when a send fails and is retried later.
 */
final class SubjectWaves {

    private SubjectWaves() {
    }

    static List<List<StoredEvent>> of(List<StoredEvent> batch) {
        Map<String, Integer> seen = new HashMap<>();
        List<List<StoredEvent>> waves = new ArrayList<>();
        for (StoredEvent row : batch) {
            int wave = seen.merge(row.event().subject(), 1, Integer::sum) - 1;
            if (wave == waves.size()) {
                waves.add(new ArrayList<>());
            }
            waves.get(wave).add(row);
        }
        return waves;
    }
}
