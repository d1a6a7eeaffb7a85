package io.flowgate.engine.internal;

import io.flowgate.engine.AmbiguousMatch;
import io.flowgate.engine.CorrelateRequest;
import io.flowgate.engine.InvalidVariables;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;

import java.util.List;
import java.util.Optional;

/**
 * The tenant of a message that takes it from its instance ({@link CorrelateRequest#tenantOfInstance()}): the one
 * tenant — or "no tenant" — that every instance of the flow with the business key belongs to.
 *
 * <p>Why history and not only the running instances: a key that once belonged to one tenant's instance must not
 * start delivering to another tenant's instance because the first one ended. A late or replayed callback for a paid
 * order of tenant A then finds instances in two tenants and is refused, instead of settling B's instance that happens
 * to carry the same key. Started instances are in history from their first commit (history level audit or full).
 */
final class InstanceTenant {

    private InstanceTenant() {
    }

    /**
     * @return the request for exactly that tenant (unchanged when it names its tenant itself); empty when no
     *         instance of the flow has the business key (yet)
     * @throws AmbiguousMatch    when the flow's instances with the key belong to more than one tenant
     * @throws InvalidVariables when the request has no business key
     */
    static Optional<CorrelateRequest> resolve(HistoryService history, CorrelateRequest request) {
        if (!request.tenantOfInstance()) {
            return Optional.of(request);
        }
        if (request.businessKey() == null || request.businessKey().isBlank()) {
            throw new InvalidVariables("a message that takes the tenant of its instance needs a business key");
        }
        List<HistoricProcessInstance> one = withKey(history, request).listPage(0, 1);
        if (one.isEmpty()) {
            return Optional.empty();
        }
        String tenant = one.get(0).getTenantId();
        HistoricProcessInstanceQuery sameTenant = withKey(history, request);
        long inTenant = (tenant == null ? sameTenant.withoutTenantId() : sameTenant.tenantIdIn(tenant)).count();
        long all = withKey(history, request).count();
        if (all != inTenant) {
            // which tenants is nobody's business here: the sender may not learn them
            throw new AmbiguousMatch("instances of flow '" + request.flowKey() + "' with business key '"
                    + request.businessKey() + "' belong to more than one tenant: a message that takes the tenant of "
                    + "its instance needs them all in one", all);
        }
        return Optional.of(request.inTenant(tenant));
    }

    private static HistoricProcessInstanceQuery withKey(HistoryService history, CorrelateRequest request) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(request.flowKey())
                .processInstanceBusinessKey(request.businessKey());
    }
}
