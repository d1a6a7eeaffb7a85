package io.flowgate.engine.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.engine.FlowError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers on the instance which BPMN error is on its way up. Camunda ends an instance whose error nobody catches
 * exactly like a normal end (state COMPLETED), so the error is recorded where it is raised, cleared where a boundary
 * event or event subprocess catches it, and read when the instance ends.
 */
final class FlowErrors {

    /** The pending error as JSON text; null once caught. */
    static final String ERROR_VARIABLE = VariableCodec.RESERVED_PREFIX + "error";
    /** Written when the instance ends: COMPLETED, ERROR or CANCELLED, so listings can filter on it. */
    static final String OUTCOME_VARIABLE = VariableCodec.RESERVED_PREFIX + "outcome";
    static final String OUTCOME_COMPLETED = "COMPLETED";
    static final String OUTCOME_ERROR = "ERROR";
    static final String OUTCOME_CANCELLED = "CANCELLED";

    private static final int MAX_TEXT = 3000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FlowErrors() {
    }

    static void record(DelegateExecution execution, String code, String message, String activityId) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message == null || message.length() <= MAX_TEXT ? message
                : message.substring(0, MAX_TEXT));
        error.put("activityId", activityId);
        try {
            execution.getProcessInstance().setVariableLocal(ERROR_VARIABLE,
                    Variables.stringValue(MAPPER.writeValueAsString(error)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot record BPMN error " + code, e);
        }
    }

    static void clear(DelegateExecution execution) {
        var instance = execution.getProcessInstance();
        if (instance.getVariableLocal(ERROR_VARIABLE) != null) {
            // set to null rather than removed: history keeps one row per variable and queries stay simple
            instance.setVariableLocal(ERROR_VARIABLE, Variables.stringValue(null));
        }
    }

    /**
     * Called as the instance ends. Camunda's own end state cannot tell a cancelled instance from one ended by a
     * terminate end event (both INTERNALLY_TERMINATED), so the outcome is recorded here for every end.
     */
    static void recordOutcome(DelegateExecution processInstance) {
        processInstance.setVariableLocal(OUTCOME_VARIABLE, Variables.stringValue(outcome(processInstance)));
    }

    /** How an ending instance ends: COMPLETED, ERROR or CANCELLED. */
    static String outcome(DelegateExecution processInstance) {
        if (processInstance.isCanceled()) {
            return OUTCOME_CANCELLED;
        }
        return processInstance.getVariableLocal(ERROR_VARIABLE) != null ? OUTCOME_ERROR : OUTCOME_COMPLETED;
    }

    /** Parses a recorded error; empty for null or unreadable text. */
    static Optional<FlowError> parse(Object recorded) {
        if (!(recorded instanceof String text)) {
            return Optional.empty();
        }
        try {
            Map<?, ?> error = MAPPER.readValue(text, Map.class);
            return Optional.of(new FlowError((String) error.get("code"), (String) error.get("message"),
                    (String) error.get("activityId")));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
