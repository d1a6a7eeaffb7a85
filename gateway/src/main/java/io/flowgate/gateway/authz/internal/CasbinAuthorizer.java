package io.flowgate.gateway.authz.internal;

import io.flowgate.contracts.ContractRegistry;
import io.flowgate.contracts.ContractView;
import io.flowgate.contracts.Operation;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.authz.AdminScope;
import io.flowgate.gateway.authz.Authorizer;
import io.flowgate.gateway.authz.AuthzProblems;
import io.flowgate.gateway.authz.AuthzSettings;
import io.flowgate.gateway.authz.Grant;
import io.flowgate.gateway.authz.Grants;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@link Authorizer} on jCasbin (RBAC with domains, {@code authz/model.conf}). The enforcer is built from the live
 * contracts and the grants and swapped whole when either changes (checked per request by two counters), together
 * with a cache of its decisions: per request only two counters are read and one map looked up.
 */
@Singleton
public final class CasbinAuthorizer implements Authorizer {

    private static final Logger LOG = LoggerFactory.getLogger(CasbinAuthorizer.class);

    /** An enforcer, the versions it was built from, and its decisions. */
    private record State(long contracts, long grants, CompiledPolicy policy, DecisionCache decisions) {
    }

    private final ContractRegistry registry;
    private final Grants grants;
    private final int cacheCapacity;
    private final Object rebuildLock = new Object();
    private volatile State state;

    public CasbinAuthorizer(ContractRegistry registry, Grants grants, AuthzSettings settings) {
        this.registry = registry;
        this.grants = grants;
        this.cacheCapacity = settings.decisionCache();
    }

    @Override
    public void authorizeOperation(Caller caller, Operation operation) {
        if (operation.policy().isPublic()) {
            return;
        }
        if (!caller.authenticated()) {
            throw AuthzProblems.unauthenticated();
        }
        Set<String> required = operation.policy().requiredRoles();
        if (required.isEmpty()) {
            return;
        }
        if (!decide(caller, CompiledPolicy.object(operation), operation.method())) {
            throw AuthzProblems.forbidden(operation.label() + " of contract '" + operation.contractName() + "'",
                    required);
        }
    }

    @Override
    public AdminScope adminScope(Caller caller) {
        if (!caller.authenticated() || !decide(caller, CompiledPolicy.ADMIN_OBJECT, CompiledPolicy.ADMIN_ACTION)) {
            return AdminScope.NONE;
        }
        return AdminScope.adminOf(caller);
    }

    /**
     * Whether the caller holds one of the operation's roles, asked of jCasbin directly, past the decision cache:
     * for measuring and diagnosing, never on the request path.
     */
    public boolean enforceUncached(Caller caller, Operation operation) {
        return current().policy().allows(subjects(caller), domain(caller), CompiledPolicy.object(operation),
                operation.method());
    }

    private boolean decide(Caller caller, String object, String action) {
        State current = current();
        String roles = String.join(",", caller.roles().stream().sorted().toList());
        DecisionCache.Key key = new DecisionCache.Key(object, action, domain(caller), roles, caller.subject());
        return current.decisions().decide(key, k -> current.policy().allows(subjects(caller), k.domain(),
                k.object(), k.action()));
    }

    /** The caller's user and each role of its token, as casbin subjects. */
    private static List<String> subjects(Caller caller) {
        List<String> subjects = new ArrayList<>(caller.roles().size() + 1);
        subjects.add(CompiledPolicy.user(caller.subject()));
        caller.roles().stream().sorted().map(CompiledPolicy::role).forEach(subjects::add);
        return subjects;
    }

    private static String domain(Caller caller) {
        return caller.tenant() == null ? CompiledPolicy.NO_TENANT : caller.tenant();
    }

    /** The state for the current contracts and grants, rebuilt by the first request that sees a counter move. */
    private State current() {
        State seen = state;
        if (seen != null && seen.contracts() == registry.generation() && seen.grants() == grants.generation()) {
            return seen;
        }
        synchronized (rebuildLock) {
            // counters first: a change that lands while building moves them again and triggers the next rebuild
            long contracts = registry.generation();
            long grantVersion = grants.generation();
            seen = state;
            if (seen != null && seen.contracts() == contracts && seen.grants() == grantVersion) {
                return seen;
            }
            long started = System.nanoTime();
            CompiledPolicy policy = CompiledPolicy.build(operations(), allGrants());
            State next = new State(contracts, grantVersion, policy, new DecisionCache(cacheCapacity));
            state = next;
            LOG.info("authorization policy rebuilt: {} rules in {} ms", policy.rules(),
                    (System.nanoTime() - started) / 1_000_000);
            return next;
        }
    }

    private List<Operation> operations() {
        return registry.contracts().stream().map(ContractView::contract)
                .flatMap(contract -> contract.operations().stream()).toList();
    }

    private List<Grant> allGrants() {
        List<Grant> all = new ArrayList<>(grants.fromFile());
        all.addAll(grants.stored());
        return all;
    }
}
