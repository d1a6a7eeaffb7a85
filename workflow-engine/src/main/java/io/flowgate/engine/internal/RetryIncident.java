package io.flowgate.engine.internal;

import io.flowgate.engine.IncidentNotFound;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Incident;

/**
 * Gives the failed job (or external task) behind an incident one more retry; the incident resolves once that
 * attempt succeeds.
 */
final class RetryIncident {

    private final EngineContext context;

    RetryIncident(EngineContext context) {
        this.context = context;
    }

    void execute(String incidentId) {
        Incident incident = incidentId == null ? null : context.engine().getRuntimeService().createIncidentQuery()
                .incidentId(incidentId).singleResult();
        if (incident == null) {
            throw new IncidentNotFound(incidentId);
        }
        switch (incident.getIncidentType()) {
            case Incident.FAILED_JOB_HANDLER_TYPE ->
                    context.engine().getManagementService().setJobRetries(incident.getConfiguration(), 1);
            case Incident.EXTERNAL_TASK_HANDLER_TYPE ->
                    context.engine().getExternalTaskService().setRetries(incident.getConfiguration(), 1);
            default -> throw new IncidentNotFound(incidentId);
        }
        // an idle job executor may sleep for seconds; a job with new retries is like a new job
        var configuration = (ProcessEngineConfigurationImpl) context.engine().getProcessEngineConfiguration();
        if (configuration.getJobExecutor() != null && configuration.getJobExecutor().isActive()) {
            configuration.getJobExecutor().jobWasAdded();
        }
    }
}
