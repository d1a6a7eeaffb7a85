package io.flowgate.engine;

/** A correlation or task completion matched more than one waiting instance or task; nothing was done. */
public final class AmbiguousMatch extends FlowException {

    private final long matches;

    public AmbiguousMatch(String message, long matches) {
        super(message);
        this.matches = matches;
    }

    public long matches() {
        return matches;
    }

    @Override
    public String code() {
        return "ambiguous-match";
    }
}
