package io.flowgate.connectors.notify;

import java.time.Instant;

/**
 * One notification as written by the {@code notify} connector.
 *
 * @param data        the data input as JSON text, or null
 * @param instanceId  the flow instance that wrote it
 * @param activityId  the task that wrote it
 * @param tenant      the tenant of that instance; null for none (and for notifications written before tenants)
 */
public record Notification(String id, String channel, String subject, String message, String data,
                           String instanceId, String activityId, Instant createdAt, String tenant) {
}
