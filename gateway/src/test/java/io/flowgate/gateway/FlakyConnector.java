package io.flowgate.gateway;

import io.flowgate.connectors.Connector;
import io.flowgate.connectors.ConnectorDescriptor;
import io.flowgate.connectors.ConnectorRequest;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Test-only connector {@code test.flaky}: fails technically while {@link #FAILING} is set. */
@Singleton
public class FlakyConnector implements Connector {

    public static final AtomicBoolean FAILING = new AtomicBoolean(true);
    static final AtomicInteger SUCCESSES = new AtomicInteger();

    @Override
    public ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor("test.flaky", "Flaky", "Fails while told to, for tests.", List.of(),
                List.of(), List.of(), false);
    }

    @Override
    public Map<String, Object> execute(ConnectorRequest request) {
        if (FAILING.get()) {
            throw new IllegalStateException("the downstream system is down");
        }
        SUCCESSES.incrementAndGet();
        return Map.of("recovered", true);
    }
}
