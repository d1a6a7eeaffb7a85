package io.flowgate.engine;

/** A correlation or task completion found nothing waiting for it. */
public final class NoMatchingInstance extends FlowException {

    public NoMatchingInstance(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "no-matching-instance";
    }
}
