package io.flowgate.engine;

/** The initiator of an instance may not complete this task (it is marked {@code flowgate.separateFrom=initiator}). */
public final class SeparationOfDuties extends FlowException {

    public SeparationOfDuties(String taskId, String user) {
        super("'" + user + "' started this instance and may not also complete task " + taskId
                + ": it requires separation of duties");
    }

    @Override
    public String code() {
        return "separation-of-duties";
    }
}
