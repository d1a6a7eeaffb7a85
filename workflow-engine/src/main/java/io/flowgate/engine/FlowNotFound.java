package io.flowgate.engine;

/** No deployed flow has this key (or no such version of it). */
public final class FlowNotFound extends FlowException {

    private final String flowKey;

    public FlowNotFound(String flowKey) {
        super("no deployed flow has the key '" + flowKey + "'");
        this.flowKey = flowKey;
    }

    public FlowNotFound(String flowKey, int version) {
        super("flow '" + flowKey + "' has no deployed version " + version);
        this.flowKey = flowKey;
    }

    public String flowKey() {
        return flowKey;
    }

    @Override
    public String code() {
        return "flow-not-found";
    }
}
