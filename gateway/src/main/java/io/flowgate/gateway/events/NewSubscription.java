package io.flowgate.gateway.events;

import java.util.List;

/**
 * The body of {@code POST /admin/subscriptions}, as sent (checked by {@link Subscriptions#create}).
 *
 * @param secret      {@code whsec_…} to sign with, or null to get a generated one
 * @param description free text for operators, or null
 */
public record NewSubscription(String url, List<String> eventTypes, String secret, String description) {
}
