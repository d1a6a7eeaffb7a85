package io.flowgate.gateway.webhooks.internal;

import io.flowgate.contracts.TenantSource;
import io.flowgate.contracts.WebhookSpec;
import io.flowgate.contracts.WebhookSpec.Scheme;
import io.flowgate.gateway.webhooks.SignedRequest;
import io.flowgate.gateway.webhooks.WebhookRejected;
import io.flowgate.gateway.webhooks.WebhookRejected.Reason;
import io.flowgate.gateway.webhooks.WebhookVerifier;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The verifier of each scheme; stateless, shared. */
public final class Verifiers {

    private static final Map<Scheme, WebhookVerifier> BY_SCHEME = new EnumMap<>(Map.of(
            Scheme.STANDARD_WEBHOOKS, new StandardWebhooksVerifier(),
            Scheme.GITHUB, new GithubVerifier(),
            Scheme.HMAC_SHA256, new HmacSha256Verifier()));

    /**
     * A delivery whose signature held.
     *
     * @param deliveryId the sender's delivery id, empty where the scheme has none
     * @param tenant     the tenant it acts in: the fixed one, the one its secret names, else null
     */
    public record Verified(Optional<String> deliveryId, String tenant) {
    }

    private Verifiers() {
    }

    public static WebhookVerifier of(Scheme scheme) {
        return BY_SCHEME.get(scheme);
    }

    /**
     * Checks the signature against the webhook's keys and names the delivery's tenant. With per-tenant secrets each
     * tenant's keys are tried, all of them, whatever matched before, so the time taken does not tell which tenant a
     * forged signature came close to. Publishing refused two tenants with one key; a delivery signed with the keys of
     * two tenants (several {@code v1,} entries) is refused too: which tenant would it act in?
     *
     * @throws WebhookRejected as {@link WebhookVerifier#verify} does
     */
    public static Verified verify(WebhookSpec webhook, SignedRequest request) {
        WebhookVerifier verifier = of(webhook.scheme());
        if (webhook.tenant().kind() != TenantSource.Kind.SECRET) {
            List<byte[]> keys = webhook.secrets().stream().map(WebhookSpec.Secret::key).toList();
            return new Verified(verifier.verify(request, keys), webhook.tenant().tenant());
        }
        Verified verified = null;
        for (Map.Entry<String, List<byte[]>> tenant : webhook.keysByTenant().entrySet()) {
            try {
                Optional<String> id = verifier.verify(request, tenant.getValue());
                if (verified != null) {
                    throw new WebhookRejected(Reason.MALFORMED_HEADER, "the delivery is signed with the secrets of "
                            + "more than one tenant; sign it with one tenant's secret");
                }
                verified = new Verified(id, tenant.getKey());
            } catch (WebhookRejected e) {
                if (e.reason() != Reason.SIGNATURE_MISMATCH) {
                    throw e; // a header problem: the same for every tenant's keys
                }
            }
        }
        if (verified == null) {
            throw Signatures.mismatch(webhook.secrets().stream().map(WebhookSpec.Secret::key).toList());
        }
        return verified;
    }
}
