package io.flowgate.engine;

import java.util.List;

/**
 * Which open tasks to list; null fields do not filter.
 *
 * @param candidateGroups tasks any of these groups may work (or assigned to {@code assignee})
 * @param assignee        user id
 * @param tenantId        confine to a tenant
 * @param instanceId      tasks of one instance
 * @param maxResults      cap, at least 1
 */
public record TaskQuery(List<String> candidateGroups, String assignee, String tenantId, String instanceId,
                        int maxResults) {
    public static TaskQuery all(int maxResults) {
        return new TaskQuery(null, null, null, null, maxResults);
    }
}
