package io.flowgate.engine;

import java.util.List;

/** A correlation or task completion matched more than one waiting instance or task; nothing was done. */
public final class AmbiguousMatch extends FlowException {

    private final long matches;
    private final List<String> instanceIds;

    public AmbiguousMatch(String message, long matches) {
        this(message, matches, List.of());
    }

    /** @param instanceIds some of the matching instances (distinct), for an operator to look at or cancel */
    public AmbiguousMatch(String message, long matches, List<String> instanceIds) {
        super(message);
        this.matches = matches;
        this.instanceIds = List.copyOf(instanceIds);
    }

    public long matches() {
        return matches;
    }

    /** Some of the instances that matched (at most a page), so an operator can resolve the ambiguity. */
    public List<String> instanceIds() {
        return instanceIds;
    }

    @Override
    public String code() {
        return "ambiguous-match";
    }
}
