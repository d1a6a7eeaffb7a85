package io.flowgate.gateway.webhooks;

import io.flowgate.gateway.auth.Caller;

import java.util.Optional;

/**
 * A delivery whose signature held.
 *
 * @param caller     who the flow sees as the caller: subject {@code webhook:<contract>}, no roles, and the tenant
 *                   {@code x-webhook} names (fixed or by the secret that verified), else none
 * @param deliveryId the sender's delivery id, the key of replay protection; empty where the scheme has none
 */
public record WebhookDelivery(Caller caller, Optional<String> deliveryId) {
}
