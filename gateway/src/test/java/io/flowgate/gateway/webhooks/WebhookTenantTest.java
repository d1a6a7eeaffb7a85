package io.flowgate.gateway.webhooks;

import io.flowgate.contracts.TenantSource;
import io.flowgate.contracts.WebhookSpec;
import io.flowgate.contracts.WebhookSpec.Scheme;
import io.flowgate.contracts.WebhookSpec.Secret;
import io.flowgate.gateway.webhooks.WebhookRejected.Reason;
import io.flowgate.gateway.webhooks.internal.Verifiers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.flowgate.gateway.webhooks.Deliveries.hexHmac;
import static io.flowgate.gateway.webhooks.Deliveries.request;
import static io.flowgate.gateway.webhooks.Deliveries.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A verified delivery acts in the tenant x-webhook names: fixed, by the secret that verified, or none. */
class WebhookTenantTest {

    private static final String BODY = "{\"orderId\":\"A-1\"}";
    private static final WebhookSpec PER_TENANT = new WebhookSpec(Scheme.HMAC_SHA256, List.of(
            new Secret("env:BISTRO_NEW", utf8("bistro new"), "bistro"),
            new Secret("env:BISTRO_OLD", utf8("bistro old"), "bistro"),
            new Secret("env:DINER", utf8("diner"), "diner")), TenantSource.SECRET);

    private static SignedRequest signedWith(String secret) {
        return request(Map.of("X-Signature", "sha256=" + hexHmac(secret, BODY), "X-Delivery-Id", "d-1"), BODY);
    }

    @Test
    void theSecretThatVerifiedNamesTheTenantWhicheverOfItsKeysWasUsed() {
        assertThat(Verifiers.verify(PER_TENANT, signedWith("bistro old")).tenant()).isEqualTo("bistro");
        assertThat(Verifiers.verify(PER_TENANT, signedWith("bistro new")).tenant()).isEqualTo("bistro");
        assertThat(Verifiers.verify(PER_TENANT, signedWith("diner")))
                .isEqualTo(new Verifiers.Verified(Optional.of("d-1"), "diner"));
    }

    @Test
    void aSignatureNoTenantsSecretMadeIsAMismatchCountingEveryKey() {
        WebhookRejected rejected = catchThrowableOfType(WebhookRejected.class,
                () -> Verifiers.verify(PER_TENANT, signedWith("guessed")));

        assertThat(rejected.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
        assertThat(rejected.getMessage()).isEqualTo("the signature does not match the body with any of the 3 "
                + "configured secrets");
    }

    @Test
    void aHeaderProblemIsReportedAsSuch() {
        WebhookRejected rejected = catchThrowableOfType(WebhookRejected.class,
                () -> Verifiers.verify(PER_TENANT, request(Map.of(), BODY)));

        assertThat(rejected.reason()).isEqualTo(Reason.MISSING_HEADER);
    }

    @Test
    void aFixedTenantNamesItAndTheInstancesTenantOrNoneNameNothing() {
        List<Secret> one = List.of(new Secret("env:HOOK", utf8("hook")));

        assertThat(Verifiers.verify(new WebhookSpec(Scheme.HMAC_SHA256, one, TenantSource.fixed("bistro")),
                signedWith("hook")).tenant()).isEqualTo("bistro");
        assertThat(Verifiers.verify(new WebhookSpec(Scheme.HMAC_SHA256, one, TenantSource.INSTANCE),
                signedWith("hook")).tenant()).isNull();
        assertThat(Verifiers.verify(new WebhookSpec(Scheme.HMAC_SHA256, one), signedWith("hook")).tenant()).isNull();
    }
}
