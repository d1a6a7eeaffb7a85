package io.flowgate.engine;

import java.time.Instant;

/** One entry of an instance's activity history. {@code endedAt} is null while the activity is active. */
public record ActivityRecord(String activityId, String name, String type, Instant startedAt, Instant endedAt,
                             boolean canceled) {
}
