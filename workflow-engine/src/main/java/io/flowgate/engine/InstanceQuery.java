package io.flowgate.engine;

/**
 * Which instances to list; null fields do not filter. Pages count from 0.
 *
 * @param state one of RUNNING/WAITING/INCIDENT (active) or COMPLETED/ERROR/CANCELLED (ended); null = all
 */
public record InstanceQuery(String flowKey, InstanceState state, String businessKey, String tenantId, int page,
                            int size) {
}
