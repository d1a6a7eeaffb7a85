package io.flowgate.engine.internal;

import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;

/**
 * Gives a new instance the tenant of the start command that creates it. Flows are deployed once, without tenant,
 * and shared; the tenant is a property of each instance. Called instances inherit their caller's tenant.
 */
final class StartTenantIdProvider implements TenantIdProvider {

    private final StartTickets tickets;

    StartTenantIdProvider(StartTickets tickets) {
        this.tickets = tickets;
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
        if (context.getSuperExecution() != null) {
            return context.getSuperExecution().getTenantId();
        }
        return tickets.onThisThread().map(ticket -> ticket.tenantId).orElse(null);
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
        return null;
    }
}
