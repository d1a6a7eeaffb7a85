package io.flowgate.contracts;

import java.util.List;

/**
 * Outcome of loading contracts at start-up.
 *
 * @param loaded            live contract names
 * @param findings          every failing check; with {@code startAnyway} their routes answer 503
 */
public record StartupReport(List<String> loaded, List<ContractFinding> findings) {
    public StartupReport {
        loaded = List.copyOf(loaded);
        findings = List.copyOf(findings);
    }
}
