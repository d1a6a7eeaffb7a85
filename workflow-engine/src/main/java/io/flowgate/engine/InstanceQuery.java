package io.flowgate.engine;

import java.time.Instant;

/**
 * Which instances to list; null fields do not filter. Pages count from 0.
 *
 * @param state         one of RUNNING/WAITING/INCIDENT (active) or COMPLETED/ERROR/CANCELLED (ended); null = all
 * @param startedAfter  only instances started at or after this instant
 * @param startedBefore only instances started at or before this instant
 */
public record InstanceQuery(String flowKey, InstanceState state, String businessKey, String tenantId, int page,
                            int size, Instant startedAfter, Instant startedBefore) {

    /** Without a start-time window. */
    public InstanceQuery(String flowKey, InstanceState state, String businessKey, String tenantId, int page,
                         int size) {
        this(flowKey, state, businessKey, tenantId, page, size, null, null);
    }
}
