package io.flowgate.gateway.instances;

import io.flowgate.gateway.auth.Caller;

import java.util.Objects;

/**
 * Tenants never see each other's data: a caller sees an instance (or task) only in its own tenant; the platform
 * admin sees every tenant.
 */
public final class TenantScope {

    private TenantScope() {
    }

    public static boolean sees(Caller caller, String tenantOfData) {
        return caller.platformAdmin() || Objects.equals(caller.tenant(), tenantOfData);
    }

    /**
     * The tenant filter for admin listings: null (every tenant) for the platform admin, else the caller's tenant.
     * Only admins reach the admin API, so a caller without tenant here is the platform admin.
     */
    public static String filterFor(Caller caller) {
        return caller.platformAdmin() ? null : caller.tenant();
    }
}
