package io.flowgate.contracts.internal;

import io.flowgate.contracts.Contract;
import io.flowgate.contracts.ContractFinding;
import io.flowgate.contracts.internal.store.ContractStore;
import io.flowgate.contracts.internal.store.StoredVersion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Start-up: the newest stored version of every live contract, then every contract file of a directory (a changed
 * file becomes a new version), then route conflicts and binding checks over the lot. Nothing is stored until the
 * caller commits, so a refused start-up leaves the database as it was.
 */
final class StartupLoader {

    private final ContractStore store;
    private final ContractCompiler compiler;
    private final BindingChecks checks;
    private final Map<String, Candidate> candidates = new TreeMap<>();
    private final List<ContractFinding> findings = new ArrayList<>();

    StartupLoader(ContractStore store, ContractCompiler compiler, BindingChecks checks) {
        this.store = store;
        this.compiler = compiler;
        this.checks = checks;
    }

    /** A contract to serve: from the store (stored != null) or a new or changed file (file != null). */
    private record Candidate(CompiledContract compiled, String source, StoredVersion stored, Path file,
                            List<ContractFinding> findings) {
    }

    Result load(Path directory) {
        for (StoredVersion stored : store.live()) {
            String source = store.source(stored.name(), stored.version()).orElse("");
            add(compiler.compile(source, stored.name()), source, stored, null);
        }
        for (Path file : contractFiles(directory)) {
            readFile(file);
        }
        checkAll();
        return new Result();
    }

    private void readFile(Path file) {
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            findings.add(ContractFinding.ofDocument(file.getFileName().toString(), "cannot read the file: " + e));
            return;
        }
        CompiledContract compiled = compiler.compile(source, null);
        Candidate existing = candidates.get(compiled.name());
        if (existing != null && existing.file() != null) {
            findings.add(ContractFinding.ofDocument(compiled.name(), "files " + existing.file().getFileName()
                    + " and " + file.getFileName() + " both define this contract"));
            return;
        }
        if (existing != null && compiled.contract().isPresent()
                && existing.stored().sha256().equals(compiled.sha256())) {
            return; // unchanged since it was stored
        }
        add(compiled, source, null, file);
    }

    /** A document that cannot be read at all is only reported; a stored version, if any, keeps being served. */
    private void add(CompiledContract compiled, String source, StoredVersion stored, Path file) {
        List<ContractFinding> own = compiled.findings().stream().map(f -> inFile(f, file)).toList();
        findings.addAll(own);
        if (compiled.contract().isPresent()) {
            candidates.put(compiled.name(), new Candidate(compiled, source, stored, file, own));
        }
    }

    private void checkAll() {
        List<Contract> accepted = new ArrayList<>();
        for (Map.Entry<String, Candidate> entry : candidates.entrySet()) {
            Candidate candidate = entry.getValue();
            Contract contract = contractOf(candidate);
            List<ContractFinding> own = new ArrayList<>(candidate.findings());
            List<ContractFinding> conflicts = Snapshot.conflicts(contract, accepted);
            own.addAll(conflicts);
            findings.addAll(conflicts);
            accepted.add(contract);
            entry.setValue(new Candidate(candidate.compiled(), candidate.source(), candidate.stored(),
                    candidate.file(), own));
        }
    }

    private static Contract contractOf(Candidate candidate) {
        StoredVersion stored = candidate.stored();
        return stored == null ? candidate.compiled().toContract(0, null)
                : candidate.compiled().toContract(stored.version(), stored.publishedAt());
    }

    private static ContractFinding inFile(ContractFinding finding, Path file) {
        if (file == null) {
            return finding;
        }
        return new ContractFinding(finding.contract(), finding.method(), finding.path(), finding.operationId(),
                "file " + file.getFileName() + ": " + finding.reason());
    }

    private static List<Path> contractFiles(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).filter(StartupLoader::isContractFile).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list contracts in " + directory, e);
        }
    }

    private static boolean isContractFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    /** The outcome before anything is stored. */
    final class Result {
        private final List<ContractFinding> all;
        private final Map<String, List<ContractFinding>> checkFindings = new TreeMap<>();

        private Result() {
            for (Candidate candidate : candidates.values()) {
                List<ContractFinding> found = checks.run(contractOf(candidate));
                checkFindings.put(candidate.compiled().name(), found);
                findings.addAll(found);
            }
            this.all = List.copyOf(findings);
        }

        List<ContractFinding> findings() {
            return all;
        }

        /** Stores new and changed files as versions and returns what to serve. */
        List<LiveContract> commit() {
            List<LiveContract> live = new ArrayList<>();
            for (Candidate candidate : candidates.values()) {
                StoredVersion version = candidate.stored() != null ? candidate.stored()
                        : store.append(candidate.compiled().name(), candidate.source(), candidate.compiled().sha256(),
                        candidate.compiled().contract().orElseThrow().operations().size());
                Contract contract = candidate.compiled().toContract(version.version(), version.publishedAt());
                live.add(new LiveContract(contract, candidate.findings(),
                        checkFindings.get(candidate.compiled().name())));
            }
            return live;
        }
    }
}
