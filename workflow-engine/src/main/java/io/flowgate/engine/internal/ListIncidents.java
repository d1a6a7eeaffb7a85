package io.flowgate.engine.internal;

import io.flowgate.engine.IncidentView;

import java.util.List;

/** Every open incident, newest first. */
final class ListIncidents {

    private final EngineContext context;
    private final IncidentViews incidents;

    ListIncidents(EngineContext context, IncidentViews incidents) {
        this.context = context;
        this.incidents = incidents;
    }

    List<IncidentView> execute() {
        return context.engine().getRuntimeService().createIncidentQuery().orderByIncidentTimestamp().desc().list()
                .stream().map(incidents::view).toList();
    }
}
