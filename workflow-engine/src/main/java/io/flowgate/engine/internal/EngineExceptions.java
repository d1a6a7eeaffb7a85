package io.flowgate.engine.internal;

import io.flowgate.engine.FlowException;
import io.flowgate.engine.FlowFailed;
import io.flowgate.engine.FlowFinding;
import io.flowgate.engine.FlowNotFound;
import io.flowgate.engine.FlowRejected;
import io.flowgate.engine.NoMatchingInstance;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

import java.util.ArrayList;
import java.util.List;

/** The one place where Camunda's exceptions become Flowgate's typed ones. */
final class EngineExceptions {

    private EngineExceptions() {
    }

    /**
     * @param flowKey    the flow the command was about, for "not found"
     * @param instanceId the instance, when it had committed before the failure
     */
    static FlowException translate(Throwable failure, String flowKey, String instanceId) {
        if (failure instanceof FlowException flow) {
            return flow;
        }
        if (failure instanceof MismatchingMessageCorrelationException mismatch) {
            return new NoMatchingInstance(mismatch.getMessage());
        }
        String message = String.valueOf(failure.getMessage());
        if (flowKey != null && message.contains("no processes deployed with key")) {
            return new FlowNotFound(flowKey);
        }
        if (failure instanceof OptimisticLockingException) {
            return new FlowFailed("the instance was changed concurrently; try again", instanceId, null, failure);
        }
        ActivityFailure activity = find(failure, ActivityFailure.class);
        return new FlowFailed(activity != null ? activity.getMessage() : message, instanceId,
                activity == null ? null : activity.activityId(), failure);
    }

    /** Camunda's own parse errors (after our checks passed) as findings with the element ids it names. */
    static FlowRejected rejected(String fileName, ParseException parse) {
        List<FlowFinding> findings = new ArrayList<>();
        for (ResourceReport report : parse.getResorceReports()) {
            for (Problem problem : report.getErrors()) {
                findings.add(new FlowFinding(fileName, problem.getMainElementId(), problem.getMessage()));
            }
        }
        if (findings.isEmpty()) {
            findings.add(new FlowFinding(fileName, null, parse.getMessage()));
        }
        return new FlowRejected(findings);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
