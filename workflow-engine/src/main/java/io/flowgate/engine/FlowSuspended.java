package io.flowgate.engine;

/** The latest version of the flow is suspended: no instance of it may start until it is activated. */
public final class FlowSuspended extends FlowException {

    private final String flowKey;
    private final int version;

    public FlowSuspended(String flowKey, int version) {
        super("version " + version + " of flow '" + flowKey + "' is suspended: no new instance starts until it is "
                + "activated (POST /admin/flows/" + flowKey + "/versions/" + version + "/activate)");
        this.flowKey = flowKey;
        this.version = version;
    }

    public String flowKey() {
        return flowKey;
    }

    public int version() {
        return version;
    }

    @Override
    public String code() {
        return "flow-suspended";
    }
}
