package io.flowgate.contracts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code x-webhook: {scheme: github, secret: env:GITHUB_HOOK_SECRET}}: the operation is called by a webhook sender
 * that signs the raw body instead of sending a bearer token; {@code tenant} (or per-tenant secrets) says which tenant
 * a delivery acts in. Secrets are resolved (and, for Standard Webhooks, decoded) when the contract is published; a
 * request only looks them up.
 *
 * @param scheme  how the sender signs
 * @param secrets every key a valid signature may be made with (several while a secret is rotated), in declared order
 * @param tenant  {@code tenant} (or per-tenant secrets): which tenant a delivery acts in
 */
public record WebhookSpec(Scheme scheme, List<Secret> secrets, TenantSource tenant) {

    public WebhookSpec {
        secrets = List.copyOf(secrets);
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a webhook needs at least one secret");
        }
        Objects.requireNonNull(tenant, "tenant");
        boolean perTenant = tenant.kind() == TenantSource.Kind.SECRET;
        if (secrets.stream().anyMatch(s -> (s.tenant() != null) != perTenant)) {
            throw new IllegalArgumentException("per-tenant secrets name a tenant each, other secrets none");
        }
    }

    /** A webhook without a tenant. */
    public WebhookSpec(Scheme scheme, List<Secret> secrets) {
        this(scheme, secrets, TenantSource.NONE);
    }

    /**
     * The keys by the tenant they name, in declared order; one entry with a null tenant unless the secrets are
     * per tenant.
     */
    public Map<String, List<byte[]>> keysByTenant() {
        Map<String, List<byte[]>> keys = new LinkedHashMap<>();
        for (Secret secret : secrets) {
            keys.computeIfAbsent(secret.tenant(), t -> new ArrayList<>()).add(secret.key());
        }
        return keys;
    }

    /** The signing schemes a contract can name. */
    public enum Scheme {
        /** standardwebhooks.com: {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature: v1,…}. */
        STANDARD_WEBHOOKS("standard-webhooks"),
        /** GitHub: {@code X-Hub-Signature-256: sha256=<hex>} over the body, {@code X-GitHub-Delivery}. */
        GITHUB("github"),
        /** Flowgate's plain scheme: {@code X-Signature: sha256=<hex>}, optionally over a timestamp too. */
        HMAC_SHA256("hmac-sha256");

        private final String value;

        Scheme(String value) {
            this.value = value;
        }

        /** The name used in contracts. */
        public String value() {
            return value;
        }

        public static Optional<Scheme> of(String value) {
            return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
        }
    }

    /**
     * One resolved key. {@link #toString()} names only where the key came from: keys never reach logs, findings or
     * admin views.
     *
     * @see #source()
     */
    public static final class Secret {

        private final String source;
        private final byte[] key;
        private final String tenant;

        /**
         * @param source where it was read, as written in the contract ({@code env:NAME}, {@code file:PATH})
         * @param key    the HMAC key bytes, not empty
         * @param tenant the tenant a signature made with it acts in (per-tenant secrets), else null
         */
        public Secret(String source, byte[] key, String tenant) {
            if (key == null || key.length == 0) {
                throw new IllegalArgumentException("empty webhook secret from " + source);
            }
            this.source = source;
            this.key = key.clone();
            this.tenant = tenant;
        }

        /** A secret that names no tenant. */
        public Secret(String source, byte[] key) {
            this(source, key, null);
        }

        public String source() {
            return source;
        }

        /** The tenant this secret names (per-tenant secrets), else null. */
        public String tenant() {
            return tenant;
        }

        /** A copy of the key bytes. */
        public byte[] key() {
            return key.clone();
        }

        @Override
        public String toString() {
            return "Secret[" + (tenant == null ? "" : tenant + ": ") + source + "]";
        }
    }
}
