package io.flowgate.gateway.authz;

import io.flowgate.contracts.Operation;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.authz.internal.CasbinAuthorizer;
import io.flowgate.gateway.authz.internal.DefaultGrants;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static io.flowgate.gateway.authz.AuthzFixtures.op;
import static io.flowgate.gateway.authz.CasbinAuthorizerTest.caller;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a decision costs: jCasbin's {@code enforce()} on a policy of 200 operations and 100 grants, against the
 * authorizer's cached decision. Prints the numbers; no timing assertion (machines differ).
 */
class EnforceLatencyTest {

    private static final int ENFORCE_ROUNDS = 1_000;
    private static final int CACHED_ROUNDS = 100_000;

    @Test
    void printsEnforceAgainstCachedDecisionLatency() {
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            operations.add(op("POST", "/things" + i, "role" + (i % 20), "finance"));
        }
        List<Grant> grants = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            grants.add(new Grant("user" + i, "role" + (i % 20), i % 2 == 0 ? "*" : "tenant" + i));
        }
        grants.add(new Grant("role:senior", "role7", "*"));
        DefaultGrants stored = AuthzFixtures.grants(null);
        stored.replace(grants);
        CasbinAuthorizer authorizer = new CasbinAuthorizer(
                new AuthzFixtures.FakeRegistry(operations.toArray(Operation[]::new)), stored,
                AuthzSettings.defaults());
        // allowed through the hierarchy senior → role7, after two misses (user:bob, role:waiter)
        Caller bob = caller("bob", "waiter senior", "acme");
        Operation target = operations.get(7);

        long enforceNanos = time(ENFORCE_ROUNDS, () -> authorizer.enforceUncached(bob, target));
        long cachedNanos = time(CACHED_ROUNDS, () -> {
            authorizer.authorizeOperation(bob, target);
            return true;
        });

        System.out.printf("authz latency: enforce() %.1f µs/decision (3 subjects, 200 operations, 101 grants, "
                        + "%d calls); cached authorizeOperation %.3f µs/decision (%d calls)%n",
                enforceNanos / 1000.0 / ENFORCE_ROUNDS, ENFORCE_ROUNDS, cachedNanos / 1000.0 / CACHED_ROUNDS,
                CACHED_ROUNDS);
        assertThat(authorizer.enforceUncached(bob, target)).isTrue();
    }

    private static long time(int rounds, BooleanSupplier decision) {
        int allowed = 0;
        for (int i = 0; i < rounds; i++) { // warm up
            allowed += decision.getAsBoolean() ? 1 : 0;
        }
        long started = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            allowed += decision.getAsBoolean() ? 1 : 0;
        }
        long elapsed = System.nanoTime() - started;
        assertThat(allowed).isEqualTo(2 * rounds);
        return elapsed;
    }
}
