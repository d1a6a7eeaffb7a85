package io.flowgate.gateway.webhooks.internal;

import io.flowgate.contracts.WebhookSpec.Scheme;
import io.flowgate.gateway.webhooks.WebhookVerifier;

import java.util.EnumMap;
import java.util.Map;

/** The verifier of each scheme; stateless, shared. */
public final class Verifiers {

    private static final Map<Scheme, WebhookVerifier> BY_SCHEME = new EnumMap<>(Map.of(
            Scheme.STANDARD_WEBHOOKS, new StandardWebhooksVerifier(),
            Scheme.GITHUB, new GithubVerifier(),
            Scheme.HMAC_SHA256, new HmacSha256Verifier()));

    private Verifiers() {
    }

    public static WebhookVerifier of(Scheme scheme) {
        return BY_SCHEME.get(scheme);
    }
}
