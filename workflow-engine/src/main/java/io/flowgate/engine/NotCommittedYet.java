package io.flowgate.engine;

/**
 * A command was handed to the engine but has not committed within the time the caller could wait: it may still
 * commit. A caller that must not report success for an uncommitted change (a webhook sender's 2xx) answers
 * "try again later"; a retry of the same message finds the instance moved on, or waiting still.
 */
public final class NotCommittedYet extends FlowException {

    public NotCommittedYet(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "not-committed-yet";
    }
}
