package io.flowgate.contracts;

/** {@code x-flow-action}. */
public enum FlowAction {
    START("start"), CORRELATE("correlate"), COMPLETE_TASK("complete-task"), STATUS("status"),
    /** No flow: the gateway answers the operation's declared example ({@link FlowBinding#mock()}). */
    MOCK("mock");

    private final String value;

    FlowAction(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
