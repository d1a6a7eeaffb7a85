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
     * The admin API ({@code /admin/**}): role {@code admin}.
     *
     * @throws io.flowgate.gateway.problem.GatewayProblem 401 when anonymous, 403 when not allowed
     */
    void authorizeAdmin(Caller caller, String method, String path);
}
