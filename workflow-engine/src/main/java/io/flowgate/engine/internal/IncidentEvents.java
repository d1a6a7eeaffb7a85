package io.flowgate.engine.internal;

import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.runtime.Incident;

import java.util.List;

/**
 * Camunda's own incident handling plus {@code instance.failed}, written by the command that creates the incident
 * (the one that takes a failing job's last retry). A handler rather than history: at history level {@code audit}
 * Camunda keeps no incident history, and a handler sees every incident whatever the level.
 */
final class IncidentEvents implements IncidentHandler {

    private final IncidentHandler camunda;

    private IncidentEvents(String type) {
        this.camunda = new DefaultIncidentHandler(type);
    }

    /** One for each incident type Camunda raises by itself: failed jobs and failed external tasks. */
    static List<IncidentHandler> handlers() {
        return List.of(new IncidentEvents(Incident.FAILED_JOB_HANDLER_TYPE),
                new IncidentEvents(Incident.EXTERNAL_TASK_HANDLER_TYPE));
    }

    @Override
    public String getIncidentHandlerType() {
        return camunda.getIncidentHandlerType();
    }

    @Override
    public Incident handleIncident(IncidentContext context, String message) {
        Incident incident = camunda.handleIncident(context, message);
        EngineEvents.incidentCreated(incident);
        return incident;
    }

    @Override
    public void resolveIncident(IncidentContext context) {
        camunda.resolveIncident(context);
    }

    @Override
    public void deleteIncident(IncidentContext context) {
        camunda.deleteIncident(context);
    }
}
