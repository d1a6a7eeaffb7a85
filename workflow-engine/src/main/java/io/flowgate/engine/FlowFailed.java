package io.flowgate.engine;

/**
 * A technical failure while the flow ran synchronously (a connector threw, an expression failed); the engine rolled
 * the transaction back. {@link #instanceId()} is null when the instance never committed.
 */
public final class FlowFailed extends FlowException {

    private final String instanceId;
    private final String activityId;

    public FlowFailed(String message, String instanceId, String activityId, Throwable cause) {
        super(message, cause);
        this.instanceId = instanceId;
        this.activityId = activityId;
    }

    public String instanceId() {
        return instanceId;
    }

    public String activityId() {
        return activityId;
    }

    @Override
    public String code() {
        return "flow-failed";
    }
}
