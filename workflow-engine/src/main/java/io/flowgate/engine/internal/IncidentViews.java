package io.flowgate.engine.internal;

import io.flowgate.engine.IncidentView;
import org.camunda.bpm.engine.runtime.Incident;

/** Incidents as the gateway sees them. */
final class IncidentViews {

    private final DefinitionKeys keys;

    IncidentViews(DefinitionKeys keys) {
        this.keys = keys;
    }

    IncidentView view(Incident incident) {
        return new IncidentView(incident.getId(), incident.getProcessInstanceId(),
                keys.of(incident.getProcessDefinitionId()), incident.getActivityId(), incident.getIncidentType(),
                incident.getIncidentMessage(), InstanceReader.instant(incident.getIncidentTimestamp()),
                incident.getTenantId());
    }
}
