package io.flowgate.gateway.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription as the admin API shows it — never with its secret.
 *
 * @param tenant      null: events of every tenant; else only that tenant's
 * @param pending     events waiting to be delivered (first attempts and retries)
 * @param deadLetters events parked after their last attempt failed
 */
@JsonPropertyOrder({"id", "url", "eventTypes", "description", "tenant", "createdAt", "createdBy", "pending",
        "deadLetters"})
public record Subscription(String id, String url, List<String> eventTypes, String description, String tenant,
                           Instant createdAt, String createdBy, long pending, long deadLetters) {
}
