package io.flowgate.engine;

/** Where an instance stands. */
public enum InstanceState {
    /** Accepted; the engine has not committed its first transaction yet. */
    STARTING(false, false),
    /** Executing or with asynchronous work pending. */
    RUNNING(false, false),
    /** Every token rests in a wait state (user task, message or timer catch, receive task). */
    WAITING(true, false),
    /** Stopped on a failed job; see the incidents. */
    INCIDENT(true, false),
    /** Ended normally. */
    COMPLETED(true, true),
    /** Ended by an uncaught BPMN error; see {@link FlowInstance#error()}. */
    ERROR(true, true),
    /** Cancelled by an operator. */
    CANCELLED(true, true),
    /** Never committed: the start failed technically. */
    FAILED(true, true);

    private final boolean settled;
    private final boolean ended;

    InstanceState(boolean settled, boolean ended) {
        this.settled = settled;
        this.ended = ended;
    }

    /** True when a synchronous caller can be answered: ended, waiting or stuck on an incident. */
    public boolean isSettled() {
        return settled;
    }

    public boolean isEnded() {
        return ended;
    }
}
