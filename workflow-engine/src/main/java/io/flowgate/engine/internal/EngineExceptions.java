package io.flowgate.engine.internal;

import io.flowgate.engine.BusinessKeyInUse;
import io.flowgate.engine.FlowException;
import io.flowgate.engine.FlowFailed;
import io.flowgate.engine.FlowFinding;
import io.flowgate.engine.FlowNotFound;
import io.flowgate.engine.FlowRejected;
import io.flowgate.engine.FlowSuspended;
import io.flowgate.engine.NoMatchingInstance;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;

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

    /**
     * A start's failure: as {@link #translate}, and a suspended flow version or a business key in use (thrown by
     * the process-start listener, which Camunda may wrap) keep their own types.
     *
     * @param ticket the start, for the flow and version it tried to start
     */
    static FlowException translateStart(Throwable failure, StartTicket ticket) {
        BusinessKeyInUse inUse = find(failure, BusinessKeyInUse.class);
        if (inUse != null) {
            return inUse;
        }
        if (find(failure, SuspendedEntityInteractionException.class) != null) {
            return new FlowSuspended(ticket.flowKey, ticket.flowVersion);
        }
        return translate(failure, ticket.flowKey, null);
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
