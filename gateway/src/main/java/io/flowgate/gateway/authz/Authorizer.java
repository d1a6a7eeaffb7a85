package io.flowgate.gateway.authz;

import io.flowgate.contracts.Operation;
import io.flowgate.gateway.auth.Caller;

/** May this caller do this? Deny by default. */
public interface Authorizer {

    /**
     * A contract operation: public operations need nothing; others need an authenticated caller holding one of
     * {@code x-required-roles} (any authenticated caller when none are declared) in the caller's tenant.
     *
     * @throws io.flowgate.gateway.problem.GatewayProblem 401 when anonymous, 403 when not allowed
     */
    void authorizeOperation(Caller caller, Operation operation);

    /**
     * The one place that decides who is an admin: the role {@code admin} held in the caller's tenant, from its
     * token or through a grant ({@code g, role:ops-lead, admin, *}). Without a tenant that is the platform admin,
     * with one that tenant's admin.
     *
     * @return {@link AdminScope#NONE} for anonymous callers and callers without the role
     */
    AdminScope adminScope(Caller caller);
}
