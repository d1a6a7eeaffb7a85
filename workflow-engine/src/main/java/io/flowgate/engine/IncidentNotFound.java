package io.flowgate.engine;

/** No open incident has this id. */
public final class IncidentNotFound extends FlowException {

    public IncidentNotFound(String incidentId) {
        super("no open incident has the id '" + incidentId + "'");
    }

    @Override
    public String code() {
        return "incident-not-found";
    }
}
