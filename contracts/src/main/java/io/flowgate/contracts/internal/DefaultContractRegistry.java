package io.flowgate.contracts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.BindingCheck;
import io.flowgate.contracts.Contract;
import io.flowgate.contracts.ContractFinding;
import io.flowgate.contracts.ContractNotFound;
import io.flowgate.contracts.ContractRegistry;
import io.flowgate.contracts.ContractDiff;
import io.flowgate.contracts.ContractRejected;
import io.flowgate.contracts.ContractVersion;
import io.flowgate.contracts.ContractView;
import io.flowgate.contracts.Operation;
import io.flowgate.contracts.PublishReport;
import io.flowgate.contracts.RouteMatch;
import io.flowgate.contracts.SecretSources;
import io.flowgate.contracts.StartupReport;
import io.flowgate.contracts.internal.diff.ContractDiffer;
import io.flowgate.contracts.internal.load.RefInliner;
import io.flowgate.contracts.internal.store.ContractStore;
import io.flowgate.contracts.internal.store.StoredVersion;
import io.flowgate.contracts.triggers.LiveTrigger;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The registry: publishing compiles and checks a contract, stores a version and swaps in a new immutable
 * {@link Snapshot}. Writers are serialized by a lock; readers only read the current snapshot and never block.
 */
@Singleton
public final class DefaultContractRegistry implements ContractRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultContractRegistry.class);

    private final ContractStore store;
    private final BindingChecks checks;
    private final ContractCompiler compiler;
    private final StoredDocuments documents;
    private final ContractDiffer differ = new ContractDiffer();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    /** A registry that reads {@code x-webhook} secrets from the environment only ({@code file:} is refused). */
    public DefaultContractRegistry(ContractStore store, List<BindingCheck> bindingChecks) {
        this(store, bindingChecks, SecretSources.environmentOnly());
    }

    /**
     * @param secrets where {@code x-webhook} secrets may be read from (the gateway's secrets directory); without
     *                one, the environment only: {@code file:} secrets are refused
     */
    @Inject
    public DefaultContractRegistry(ContractStore store, List<BindingCheck> bindingChecks,
                                   @Nullable SecretSources secrets) {
        this.store = store;
        this.compiler = new ContractCompiler(secrets == null ? SecretSources.environmentOnly() : secrets);
        this.checks = new BindingChecks(bindingChecks);
        this.documents = new StoredDocuments(store);
    }

    @Override
    public PublishReport publish(String source, String nameOverride) {
        writeLock.lock();
        try {
            Evaluation evaluation = evaluate(source, nameOverride, snapshot);
            if (!evaluation.findings().isEmpty()) {
                throw new ContractRejected(evaluation.compiled().name(), evaluation.findings());
            }
            CompiledContract compiled = evaluation.compiled();
            Optional<StoredVersion> newest = store.newestLive(compiled.name());
            boolean created = newest.isEmpty() || !newest.get().sha256().equals(compiled.sha256());
            StoredVersion version = created
                    ? store.append(compiled.name(), source, compiled.sha256(), evaluation.contract().operations().size())
                    : newest.get();
            Contract contract = compiled.toContract(version.version(), version.publishedAt());
            swap(snapshot.with(LiveContract.healthy(contract)));
            LOG.info("contract {} v{} {} ({} operations)", contract.name(), contract.version(),
                    created ? "published" : "unchanged", contract.operations().size());
            return new PublishReport(contract, created, List.of(), unrouted(contract));
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public PublishReport check(String source, String nameOverride) {
        Evaluation evaluation = evaluate(source, nameOverride, snapshot);
        Contract contract = evaluation.contract();
        return new PublishReport(contract, false, evaluation.findings(),
                contract == null ? List.of() : unrouted(contract));
    }

    /** Compile, route conflicts with other live contracts, binding checks: every finding at once. */
    private Evaluation evaluate(String source, String nameOverride, Snapshot current) {
        CompiledContract compiled = compiler.compile(source, nameOverride);
        if (compiled.contract().isEmpty()) {
            return new Evaluation(compiled, null, compiled.findings());
        }
        Contract candidate = compiled.toContract(0, null);
        List<ContractFinding> findings = new ArrayList<>(compiled.findings());
        findings.addAll(Snapshot.conflicts(candidate, current.contractList()));
        findings.addAll(checks.run(candidate));
        return new Evaluation(compiled, candidate, findings);
    }

    private record Evaluation(CompiledContract compiled, Contract contract, List<ContractFinding> findings) {
    }

    @Override
    public StartupReport load(Path contractsDirectory, boolean startAnyway) {
        writeLock.lock();
        try {
            StartupLoader.Result result = new StartupLoader(store, compiler, checks).load(contractsDirectory);
            if (!result.findings().isEmpty() && !startAnyway) {
                String first = result.findings().get(0).contract();
                throw new ContractRejected(first, result.findings());
            }
            List<LiveContract> live = result.commit();
            swap(Snapshot.of(live));
            LOG.info("loaded {} contract(s) with {} finding(s)", live.size(), result.findings().size());
            return new StartupReport(live.stream().map(c -> c.contract().name()).sorted().toList(),
                    result.findings());
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public List<ContractFinding> recheck() {
        writeLock.lock();
        try {
            List<LiveContract> rechecked = new ArrayList<>();
            List<ContractFinding> findings = new ArrayList<>();
            for (LiveContract live : snapshot.contracts().values()) {
                LiveContract updated = live.withCheckFindings(checks.run(live.contract()));
                rechecked.add(updated);
                findings.addAll(updated.findings());
            }
            swap(Snapshot.of(rechecked));
            return findings;
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public Optional<RouteMatch> match(String method, String path) {
        return snapshot.table().match(method, path);
    }

    @Override
    public Set<String> allowedMethods(String path) {
        return snapshot.table().allowedMethods(path);
    }

    @Override
    public List<ContractView> contracts() {
        return snapshot.contracts().values().stream().map(LiveContract::view).toList();
    }

    @Override
    public Optional<ContractView> contract(String name) {
        return Optional.ofNullable(snapshot.contracts().get(name)).map(LiveContract::view);
    }

    @Override
    public List<ContractVersion> versions(String name) {
        return store.versions(name).stream()
                .map(v -> new ContractVersion(v.name(), v.version(), v.sha256(), v.publishedAt(), v.operations()))
                .toList();
    }

    @Override
    public Optional<String> source(String name, int version) {
        return store.source(name, version);
    }

    @Override
    public ContractDiff diff(String name, int from, Integer to) {
        int earlier = documents.version(name, from);
        int later = documents.version(name, to);
        return differ.diff(name, earlier, documents.read(name, earlier), later, documents.read(name, later));
    }

    @Override
    public JsonNode openApiDocument(String name, Integer version) {
        return RefInliner.inline(documents.read(name, documents.version(name, version)));
    }

    @Override
    public List<Operation> operationsUsing(String flowKey) {
        return snapshot.contracts().values().stream()
                .flatMap(c -> c.contract().operations().stream())
                .filter(op -> op.binding().map(b -> flowKey.equals(b.flowId())).orElse(false))
                .toList();
    }

    @Override
    public List<LiveTrigger> triggers() {
        return snapshot.contracts().values().stream().flatMap(c -> c.triggers().stream()).toList();
    }

    @Override
    public void delete(String name) {
        writeLock.lock();
        try {
            boolean live = snapshot.contracts().containsKey(name);
            boolean deleted = store.delete(name);
            if (!live && !deleted) {
                throw new ContractNotFound(name);
            }
            swap(snapshot.without(name));
            LOG.info("contract {} deleted", name);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public long generation() {
        return generation.get();
    }

    /** Counted after the swap: whoever sees the new number also sees the new snapshot. */
    private void swap(Snapshot next) {
        snapshot = next;
        generation.incrementAndGet();
    }

    private static List<Operation> unrouted(Contract contract) {
        return contract.operations().stream().filter(op -> op.binding().isEmpty()).toList();
    }
}
