package io.flowgate.engine;

/** No instance (running, or ended where history is kept) has this id. */
public final class InstanceNotFound extends FlowException {

    public InstanceNotFound(String instanceId) {
        super("no flow instance has the id '" + instanceId + "'");
    }

    @Override
    public String code() {
        return "instance-not-found";
    }
}
