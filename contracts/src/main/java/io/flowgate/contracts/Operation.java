package io.flowgate.contracts;

import io.flowgate.contracts.validation.RequestValidator;
import io.flowgate.contracts.mapping.ResponseMapping;

import java.util.Optional;

/**
 * One operation of a contract, compiled at publish time.
 *
 * @param contractName owning contract
 * @param method       upper-case HTTP method
 * @param path         path template as declared, e.g. /refunds/{id}/decision
 * @param operationId  may be null
 * @param summary      may be null
 * @param binding      what runs behind it; empty = unrouted (501)
 * @param validator    compiled request validation
 * @param response     compiled response mapping and validation
 * @param policy       roles, public flag, rate limit and idempotency
 */
public record Operation(String contractName, String method, String path, String operationId, String summary,
                        Optional<FlowBinding> binding, RequestValidator validator, ResponseMapping response,
                        OperationPolicy policy) {

    /** "POST /refunds (createRefund)" — how findings and logs name an operation. */
    public String label() {
        return method + " " + path + (operationId == null ? "" : " (" + operationId + ")");
    }
}
