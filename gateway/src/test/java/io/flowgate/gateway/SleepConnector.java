package io.flowgate.gateway;

import io.flowgate.connectors.Connector;
import io.flowgate.connectors.ConnectorDescriptor;
import io.flowgate.connectors.ConnectorParameter;
import io.flowgate.connectors.ConnectorRequest;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/** Test-only connector {@code test.sleep}: waits {@code millis} ms, to exercise the sync budget. */
@Singleton
public class SleepConnector implements Connector {

    @Override
    public ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor("test.sleep", "Sleep", "Waits, for tests.",
                List.of(new ConnectorParameter("millis", "integer", true, "how long")),
                List.of(new ConnectorParameter("slept", "integer", false, "how long it slept")), List.of(), false);
    }

    @Override
    public Map<String, Object> execute(ConnectorRequest request) {
        long millis = ((Number) request.input("millis")).longValue();
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return Map.of("slept", millis);
    }
}
