package io.flowgate.contracts.internal;

import io.flowgate.contracts.Contract;
import io.flowgate.contracts.ContractFinding;
import io.flowgate.contracts.Operation;
import io.flowgate.contracts.triggers.FlowTrigger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What compiling a source gave: the contract's name (or a stand-in when the document has none), its operations
 * when the document could be read, and every finding so far.
 *
 * @param name       contract name used in findings
 * @param contract   the compiled document, empty when it could not be read as OpenAPI at all
 * @param findings   parse and compile findings
 */
public record CompiledContract(String name, Optional<Parsed> contract, List<ContractFinding> findings) {

    public CompiledContract {
        findings = List.copyOf(findings);
    }

    /** The readable part of a compiled document. */
    public record Parsed(String title, String openApiVersion, String sha256, List<Operation> operations,
                         List<FlowTrigger> triggers) {
        public Parsed {
            operations = List.copyOf(operations);
            triggers = triggers == null ? List.of() : List.copyOf(triggers);
        }

        public Parsed(String title, String openApiVersion, String sha256, List<Operation> operations) {
            this(title, openApiVersion, sha256, operations, List.of());
        }

        public Contract toContract(String name, int version, Instant publishedAt) {
            return new Contract(name, version, title, openApiVersion, operations, sha256, publishedAt, triggers);
        }
    }

    public Contract toContract(int version, Instant publishedAt) {
        return contract.orElseThrow().toContract(name, version, publishedAt);
    }

    public String sha256() {
        return contract.map(Parsed::sha256).orElse(null);
    }
}
