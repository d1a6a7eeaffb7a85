package io.flowgate.gateway.authz;

import io.flowgate.gateway.auth.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;

import java.util.Objects;

/**
 * What a caller administers, decided by one authority — {@link Authorizer#adminScope}: the role {@code admin}
 * (from the token or from a grant) held in the caller's tenant makes an admin; without a tenant that is the
 * <em>platform admin</em> (every tenant), with one a <em>tenant admin</em> (that tenant only). Everyone else has
 * {@link #NONE}. Nothing else in the gateway decides who is an admin: built-in endpoints read the scope the
 * protected-API filter resolved with {@link #of(HttpRequest)}.
 *
 * @param kind   none, a tenant's admin, or the platform admin
 * @param tenant the administered tenant for {@link Kind#TENANT}, else null
 */
public record AdminScope(Kind kind, @Nullable String tenant) {

    /** The request attribute holding the caller's resolved scope. */
    public static final String ATTRIBUTE = "flowgate.admin-scope";

    public static final AdminScope NONE = new AdminScope(Kind.NONE, null);
    public static final AdminScope PLATFORM = new AdminScope(Kind.PLATFORM, null);

    /** The three kinds of caller an admin endpoint tells apart. */
    public enum Kind { NONE, TENANT, PLATFORM }

    public AdminScope {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.TENANT) != (tenant != null)) {
            throw new IllegalArgumentException("a tenant admin has a tenant, and only a tenant admin: " + kind
                    + " " + tenant);
        }
    }

    public static AdminScope tenant(String tenant) {
        return new AdminScope(Kind.TENANT, Objects.requireNonNull(tenant, "tenant"));
    }

    /** The scope of an admin (a caller holding role {@code admin} in its tenant): platform without tenant. */
    public static AdminScope adminOf(Caller caller) {
        return caller.tenant() == null ? PLATFORM : tenant(caller.tenant());
    }

    /** The scope the pipeline resolved for this request; {@link #NONE} when it resolved none. */
    public static AdminScope of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, AdminScope.class).orElse(NONE);
    }

    public boolean admin() {
        return kind != Kind.NONE;
    }

    public boolean platform() {
        return kind == Kind.PLATFORM;
    }

    /**
     * Whether data of this tenant ({@code null}: tenantless data) is administered: the platform admin's every
     * tenant, a tenant admin's only its own — never tenantless data — and nothing without a scope.
     */
    public boolean covers(@Nullable String tenantOfData) {
        return switch (kind) {
            case PLATFORM -> true;
            case TENANT -> tenant.equals(tenantOfData);
            case NONE -> false;
        };
    }

    /**
     * The tenant filter of an admin listing: null (every tenant) for the platform admin, the tenant for a tenant
     * admin.
     *
     * @throws IllegalStateException without an admin scope: a listing must never read "no filter" from a non-admin
     */
    @Nullable
    public String tenantFilter() {
        if (kind == Kind.NONE) {
            throw new IllegalStateException("no admin scope: there is no tenant filter to apply");
        }
        return tenant;
    }

    /** In words, for problem details: "the platform admin", "the tenant admin of 'bistro'", "not an admin". */
    public String describe() {
        return switch (kind) {
            case PLATFORM -> "the platform admin";
            case TENANT -> "the tenant admin of '" + tenant + "'";
            case NONE -> "not an admin";
        };
    }
}
