package io.flowgate.contracts;

import java.util.regex.Pattern;

/**
 * Where the tenant of a message from outside comes from: a webhook delivery ({@code x-webhook}) or a Kafka record
 * ({@code x-flow-triggers}). Declared in the contract and checked at publish; never a value the sender writes into
 * the message, which anyone able to send one could set to any tenant.
 *
 * @param kind   the rule
 * @param tenant the tenant of {@link Kind#FIXED}; null for the others
 */
public record TenantSource(Kind kind, String tenant) {

    /** A tenant id, as the gateway's users carry it. */
    public static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Nothing declared: no tenant, as for a caller without one. */
    public static final TenantSource NONE = new TenantSource(Kind.NONE, null);
    /** {@code x-webhook} with per-tenant secrets: the secret that verified the signature names the tenant. */
    public static final TenantSource SECRET = new TenantSource(Kind.SECRET, null);
    /** {@code tenant: instance}: the tenant of the instance the message is for. */
    public static final TenantSource INSTANCE = new TenantSource(Kind.INSTANCE, null);

    public TenantSource {
        if (kind == null || (kind == Kind.FIXED) != (tenant != null)) {
            throw new IllegalArgumentException("a fixed tenant source, and only it, names a tenant");
        }
        if (tenant != null && !TENANT_ID.matcher(tenant).matches()) {
            throw new IllegalArgumentException("not a tenant id: " + tenant);
        }
    }

    /** {@code tenant: {fixed: bistro}}. */
    public static TenantSource fixed(String tenant) {
        return new TenantSource(Kind.FIXED, tenant);
    }

    /** The rules. */
    public enum Kind {
        /** No tenant: starts are tenantless, correlations reach only instances without a tenant. */
        NONE,
        /** One tenant for every message: an integration that belongs to that tenant. */
        FIXED,
        /** Webhooks only: one secret (or several while rotating) per tenant; the one that verified names it. */
        SECRET,
        /**
         * Correlations only: the tenant of the instance(s) of the flow with the message's business key — which must
         * all belong to one tenant. For a platform-wide sender (the payment provider) whose business keys are
         * unguessable ids the platform handed out.
         */
        INSTANCE
    }

    /** How it is written in a contract, for findings and admin views. */
    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "none";
            case FIXED -> "{fixed: " + tenant + "}";
            case SECRET -> "per-tenant secrets";
            case INSTANCE -> "instance";
        };
    }
}
