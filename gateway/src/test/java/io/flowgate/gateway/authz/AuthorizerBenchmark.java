package io.flowgate.gateway.authz;

import io.flowgate.contracts.Operation;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.authz.internal.CasbinAuthorizer;
import io.flowgate.gateway.authz.internal.DefaultGrants;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.flowgate.gateway.authz.CasbinAuthorizerTest.caller;

/**
 * What an authorization decision costs on the request path: jCasbin's {@code enforce()} (a cache miss) against the
 * authorizer's cached decision, on a policy of 200 operations and 101 grants with a role hierarchy. Run it with
 * {@code bench/authz/run.sh}; it is not part of the test suite.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AuthorizerBenchmark {

    private CasbinAuthorizer authorizer;
    private Caller bob;
    private Operation target;

    @Setup
    public void setUp() {
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            operations.add(AuthzFixtures.op("POST", "/things" + i, "role" + (i % 20), "finance"));
        }
        List<Grant> grants = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            grants.add(new Grant("user" + i, "role" + (i % 20), i % 2 == 0 ? "*" : "tenant" + i));
        }
        grants.add(new Grant("role:senior", "role7", "*"));
        DefaultGrants stored = AuthzFixtures.grants(null);
        stored.replace(grants);
        authorizer = new CasbinAuthorizer(new AuthzFixtures.FakeRegistry(operations.toArray(Operation[]::new)),
                stored, AuthzSettings.defaults());
        // allowed through the hierarchy senior → role7, after two misses (user:bob, role:waiter)
        bob = caller("bob", "waiter senior", "acme");
        target = operations.get(7);
        if (!authorizer.enforceUncached(bob, target)) {
            throw new IllegalStateException("the benchmark's decision must be an allow");
        }
    }

    @Benchmark
    public boolean enforceUncached() {
        return authorizer.enforceUncached(bob, target);
    }

    @Benchmark
    public Caller cachedDecision() {
        authorizer.authorizeOperation(bob, target);
        return bob;
    }
}
