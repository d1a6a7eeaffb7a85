package io.flowgate.gateway.authz.internal;

import io.flowgate.gateway.authz.AuthzSettings;
import io.flowgate.gateway.authz.Grant;
import io.flowgate.gateway.authz.Grants;
import io.flowgate.gateway.authz.InvalidGrants;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** Grants from the policy file (read once) and the store (kept in memory, written through). */
@Singleton
public final class DefaultGrants implements Grants {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultGrants.class);
    static final int MAX_GRANTS = 10_000;

    private final GrantStore store;
    private final List<Grant> fromFile;
    private final AtomicLong generation = new AtomicLong();
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile List<Grant> stored;

    DefaultGrants(GrantStore store, AuthzSettings settings) {
        this.store = store;
        this.fromFile = settings.policyFile() == null ? List.of() : PolicyFile.read(Path.of(settings.policyFile()));
        this.stored = List.copyOf(store.all());
        LOG.info("{} grant(s) from the policy file, {} stored", fromFile.size(), stored.size());
    }

    /** Grants on a database of one's own (tools and tests); the gateway gets its bean by injection. */
    public static DefaultGrants create(DataSource dataSource, AuthzSettings settings) {
        return new DefaultGrants(new GrantStore(dataSource), settings);
    }

    @Override
    public List<Grant> stored() {
        return stored;
    }

    @Override
    public List<Grant> fromFile() {
        return fromFile;
    }

    @Override
    public void replace(List<Grant> grants) {
        List<Grant> unique = checked(grants);
        write(() -> {
            store.replaceAll(unique);
            return unique;
        });
        LOG.info("grants replaced: {} grant(s)", unique.size());
    }

    @Override
    public void replaceDomain(String domain, List<Grant> grants) {
        List<Grant> outside = grants.stream().filter(grant -> !domain.equals(grant.domain())).toList();
        List<Grant> unique = checked(grants);
        if (!outside.isEmpty()) {
            throw new IllegalArgumentException("grants outside domain '" + domain + "': " + outside);
        }
        write(() -> {
            store.replaceDomain(domain, unique);
            // every other domain as stored now (another node may have changed one), never as this node last saw it
            List<Grant> next = new ArrayList<>(store.all().stream().filter(g -> !domain.equals(g.domain())).toList());
            next.addAll(unique);
            return next;
        });
        LOG.info("grants of domain {} replaced: {} grant(s)", domain, unique.size());
    }

    /** The grants without duplicates. @throws InvalidGrants listing every invalid grant (at most 50) */
    private static List<Grant> checked(List<Grant> grants) {
        List<String> problems = new ArrayList<>();
        if (grants.size() > MAX_GRANTS) {
            problems.add("at most " + MAX_GRANTS + " grants, were " + grants.size());
        }
        for (int i = 0; i < grants.size() && problems.size() < 50; i++) {
            problems.addAll(grants.get(i).problems("grants[" + i + "]"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidGrants(problems);
        }
        return List.copyOf(new LinkedHashSet<>(grants));
    }

    /** Runs one change of the store and takes the grants it answers as the ones in force. */
    private void write(Supplier<List<Grant>> change) {
        writeLock.lock();
        try {
            stored = List.copyOf(change.get());
            generation.incrementAndGet();
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public long generation() {
        return generation.get();
    }
}
