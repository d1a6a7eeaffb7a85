package io.flowgate.gateway;

import io.flowgate.connectors.Connector;
import io.flowgate.connectors.ConnectorDescriptor;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.inventory.InventoryReserveConnector;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only connector {@code test.reserve-then-crash}: runs the real {@code inventory.reserve} and then fails, as a
 * node that dies after the side effect but before the engine commits would, for the first {@link #CRASHES} attempts
 * of each task. The job's retries must not hold the stock again.
 */
@Singleton
public class CrashAfterReserveConnector implements Connector {

    static final int CRASHES = 2;
    static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    private final InventoryReserveConnector reserve;

    public CrashAfterReserveConnector(InventoryReserveConnector reserve) {
        this.reserve = reserve;
    }

    @Override
    public ConnectorDescriptor descriptor() {
        ConnectorDescriptor real = reserve.descriptor();
        return new ConnectorDescriptor("test.reserve-then-crash", "Reserve, then crash",
                "inventory.reserve followed by a technical failure on the first attempts, for tests.",
                real.inputs(), real.outputs(), real.errors(), false);
    }

    @Override
    public Map<String, Object> execute(ConnectorRequest request) {
        Map<String, Object> outputs = reserve.execute(request);
        int attempt = ATTEMPTS.computeIfAbsent(request.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
        if (attempt <= CRASHES) {
            throw new IllegalStateException("crashed after reserving (attempt " + attempt + ")");
        }
        return outputs;
    }
}
