package io.flowgate.engine;

import io.flowgate.connectors.Connector;
import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.ConnectorDescriptor;
import io.flowgate.connectors.ConnectorErrorSpec;
import io.flowgate.connectors.ConnectorParameter;
import io.flowgate.connectors.ConnectorRegistry;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.builtin.SetVariablesConnector;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Connectors for tests: echo, fail, raise a business error, sleep, fail once per instance, fail after the commit,
 * need an input, count calls per business key.
 */
public final class TestConnectors {

    /** Calls of {@code test.flaky} per instance id. */
    public static final Map<String, AtomicInteger> FLAKY_CALLS = new ConcurrentHashMap<>();
    /** Calls of {@code test.count} per business key of the calling instance. */
    public static final Map<String, AtomicInteger> COUNTED = new ConcurrentHashMap<>();

    private TestConnectors() {
    }

    public static ConnectorRegistry registry() {
        return new ConnectorRegistry(List.of(new SetVariablesConnector(),
                connector("test.echo", List.of(), request -> new LinkedHashMap<>(request.inputs())),
                connector("test.partial", List.of(), List.of(new ConnectorParameter("found", "string", false, "set"),
                        new ConnectorParameter("missing", "string", false, "never set")), request -> Map.of("found", "yes")),
                connector("test.fail", List.of(), request -> {
                    throw new IllegalStateException("the backend is down");
                }),
                connector("test.business", List.of(), request -> {
                    throw new ConnectorBusinessError(String.valueOf(request.input("code")), "business says no");
                }),
                connector("test.slow", List.of(), TestConnectors::sleep),
                connector("test.late-fail", List.of(), request -> {
                    sleep(Map.of("millis", 300));
                    throw new IllegalStateException("the backend went down");
                }),
                connector("test.flaky", List.of(), TestConnectors::failFirstCall),
                connector("test.count", List.of(), request -> {
                    COUNTED.computeIfAbsent(request.businessKey(), key -> new AtomicInteger()).incrementAndGet();
                    return Map.of();
                }),
                connector("test.fail-after-commit", List.of(), TestConnectors::failAfterCommit),
                connector("test.required", List.of(new ConnectorParameter("sku", "string", true, "article")),
                        request -> Map.of("reserved", true))));
    }

    private static Map<String, Object> sleep(ConnectorRequest request) {
        return sleep(request.inputs());
    }

    private static Map<String, Object> sleep(Map<String, Object> inputs) {
        try {
            Thread.sleep(((Number) inputs.get("millis")).longValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Map.of("slept", true);
    }

    /**
     * Lets the transaction it runs in commit, then fails it: a listener that throws once the commit is done, as a
     * failing post-commit hook (or a connection that cannot be closed) would.
     */
    private static Map<String, Object> failAfterCommit(ConnectorRequest request) {
        Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                committed -> {
                    throw new IllegalStateException("failed after the commit");
                });
        return Map.of();
    }

    private static Map<String, Object> failFirstCall(ConnectorRequest request) {
        int call = FLAKY_CALLS.computeIfAbsent(request.instanceId(), id -> new AtomicInteger()).incrementAndGet();
        int failures = ((Number) request.inputs().getOrDefault("failures", 1)).intValue();
        if (call <= failures) {
            throw new IllegalStateException("flaky failure " + call);
        }
        return Map.of("attempts", call);
    }

    private static Connector connector(String id, List<ConnectorParameter> inputs,
                                       Function<ConnectorRequest, Map<String, Object>> body) {
        return connector(id, inputs, List.of(), body);
    }

    private static Connector connector(String id, List<ConnectorParameter> inputs, List<ConnectorParameter> outputs,
                                       Function<ConnectorRequest, Map<String, Object>> body) {
        ConnectorDescriptor descriptor = new ConnectorDescriptor(id, id, "test connector", inputs, outputs,
                List.of(new ConnectorErrorSpec("OUT_OF_STOCK", "test")), true);
        return new Connector() {
            @Override
            public ConnectorDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public Map<String, Object> execute(ConnectorRequest request) {
                return body.apply(request);
            }
        };
    }
}
