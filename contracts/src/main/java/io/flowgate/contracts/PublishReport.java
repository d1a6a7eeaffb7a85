package io.flowgate.contracts;

import java.util.List;

/**
 * Outcome of a publish or check.
 *
 * @param contract  the parsed contract (version 0 for a check that failed early: then null)
 * @param created   false when the same document was already the newest version
 * @param findings  empty when publishable
 * @param unrouted  operations without {@code x-flow-id} (answer 501)
 */
public record PublishReport(Contract contract, boolean created, List<ContractFinding> findings,
                            List<Operation> unrouted) {
    public PublishReport {
        findings = List.copyOf(findings);
        unrouted = List.copyOf(unrouted);
    }

    public boolean ok() {
        return findings.isEmpty();
    }
}
