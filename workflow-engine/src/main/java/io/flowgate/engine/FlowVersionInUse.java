package io.flowgate.engine;

/** A flow version cannot be undeployed while instances of it run; nothing was changed. */
public final class FlowVersionInUse extends FlowException {

    private final String flowKey;
    private final int version;
    private final long runningInstances;

    public FlowVersionInUse(String flowKey, int version, long runningInstances) {
        super(runningInstances + " instance(s) of version " + version + " of flow '" + flowKey + "' are running; "
                + "a version can only be undeployed once none runs (let them end or cancel them)");
        this.flowKey = flowKey;
        this.version = version;
        this.runningInstances = runningInstances;
    }

    public String flowKey() {
        return flowKey;
    }

    public int version() {
        return version;
    }

    public long runningInstances() {
        return runningInstances;
    }

    @Override
    public String code() {
        return "flow-version-in-use";
    }
}
