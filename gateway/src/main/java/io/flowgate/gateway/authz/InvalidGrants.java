package io.flowgate.gateway.authz;

import java.util.List;

/** Grants that cannot be stored, with every reason. */
public final class InvalidGrants extends RuntimeException {

    private final List<String> problems;

    public InvalidGrants(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
