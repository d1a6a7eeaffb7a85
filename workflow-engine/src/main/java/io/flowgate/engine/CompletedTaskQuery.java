package io.flowgate.engine;

/**
 * Which completed tasks to list, newest completion first.
 *
 * @param assignee   only tasks this user held when they were completed; null = anyone's
 * @param allTenants every tenant's tasks; when false only those of {@code tenantId}
 * @param tenantId   the tenant whose tasks to list; null (with {@code allTenants} false) = tasks without a tenant
 * @param maxResults cap, at least 1
 */
public record CompletedTaskQuery(String assignee, boolean allTenants, String tenantId, int maxResults) {

    /** Everyone's completed tasks in every tenant. */
    public static CompletedTaskQuery everyone(int maxResults) {
        return new CompletedTaskQuery(null, true, null, maxResults);
    }

    /** The tasks one user completed within one tenant (null = tasks without a tenant). */
    public static CompletedTaskQuery completedBy(String assignee, String tenantId, int maxResults) {
        return new CompletedTaskQuery(assignee, false, tenantId, maxResults);
    }
}
