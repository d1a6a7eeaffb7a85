package io.flowgate.connectors.payments.internal;

import io.flowgate.connectors.ConnectorRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The provider's Idempotency-Key for a connector call: the connector id plus the request's key (instance:activity),
 * the same on every retry of the job. Keys that would exceed what providers accept are hashed, which keeps them
 * stable and distinct.
 */
public final class ProviderKeys {

    static final int MAX_LENGTH = 255;

    private ProviderKeys() {
    }

    /**
     * The key {@code connectorId} uses — or will use — when it runs as the task {@code activityId} of the request's
     * instance: how {@code payment.cancel} names the charge made by another task of its flow, whether or not that
     * charge has run yet.
     */
    public static String ofTask(String connectorId, ConnectorRequest request, String activityId) {
        return of(connectorId, new ConnectorRequest(request.instanceId(), activityId, request.businessKey(),
                request.tenantId(), Map.of()));
    }

    public static String of(String connectorId, ConnectorRequest request) {
        String key = connectorId + ":" + request.idempotencyKey();
        if (key.length() <= MAX_LENGTH) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return connectorId + ":sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
