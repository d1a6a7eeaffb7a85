package io.flowgate.engine;

import java.util.List;

/** A BPMN file failed the deploy checks; nothing was deployed. */
public final class FlowRejected extends FlowException {

    private final List<FlowFinding> findings;

    public FlowRejected(List<FlowFinding> findings) {
        super(findings.size() + " problem(s) in the flow: " + findings.get(0).reason());
        this.findings = List.copyOf(findings);
    }

    public List<FlowFinding> findings() {
        return findings;
    }

    @Override
    public String code() {
        return "flow-rejected";
    }
}
