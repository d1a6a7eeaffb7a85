package io.flowgate.gateway.authz;

import java.util.Locale;

/**
 * Who may call a built-in endpoint. Every controller method of the gateway declares one with {@link RequiredScope};
 * the protected-API filter enforces it before the controller runs, and start-up refuses a route that has none.
 */
public enum Scope {

    /** No credentials needed (login, the console's static files, the health summary). */
    PUBLIC,

    /** Any authenticated caller; the endpoint itself keeps the caller inside its tenant (task inbox, logout). */
    AUTHENTICATED,

    /**
     * An admin: the platform admin (role {@code admin}, no tenant) sees and changes every tenant; a tenant admin
     * (role {@code admin} with a tenant) only its own tenant's data, and another tenant's data answers as unknown.
     */
    TENANT_ADMIN,

    /** Only the platform admin: what every tenant shares (contracts, flows, grants in every tenant, platform admins). */
    PLATFORM_ADMIN,

    /** A published contract's operation: decided per operation by its {@code x-required-roles} / {@code x-public}. */
    CONTRACT;

    /** The scope's name in answers and documentation: {@code platform-admin}, {@code tenant-admin}, … */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
