package io.flowgate.engine.internal;

import org.camunda.bpm.engine.ProcessEngineException;

/** A technical failure inside a Flowgate-run activity; carries the element id so callers can be told where. */
final class ActivityFailure extends ProcessEngineException {

    private static final long serialVersionUID = 1L;

    private final String activityId;

    ActivityFailure(String message, String activityId, Throwable cause) {
        super(message, cause);
        this.activityId = activityId;
    }

    String activityId() {
        return activityId;
    }
}
