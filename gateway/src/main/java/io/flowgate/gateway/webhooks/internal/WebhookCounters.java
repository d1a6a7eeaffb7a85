package io.flowgate.gateway.webhooks.internal;

import io.flowgate.contracts.Operation;
import io.flowgate.gateway.webhooks.WebhookRejected;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Micrometer counters, tagged by contract and operation ({@code POST /hooks/github}):
 * {@code flowgate.webhooks.accepted}, {@code flowgate.webhooks.replayed} and {@code flowgate.webhooks.rejected}
 * (also tagged by {@code reason}).
 */
public final class WebhookCounters {

    public static final String ACCEPTED = "flowgate.webhooks.accepted";
    public static final String REPLAYED = "flowgate.webhooks.replayed";
    public static final String REJECTED = "flowgate.webhooks.rejected";

    private final MeterRegistry registry;

    public WebhookCounters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(Operation operation) {
        registry.counter(ACCEPTED, "contract", operation.contractName(), "operation", name(operation)).increment();
    }

    public void replayed(Operation operation) {
        registry.counter(REPLAYED, "contract", operation.contractName(), "operation", name(operation)).increment();
    }

    public void rejected(Operation operation, WebhookRejected.Reason reason) {
        registry.counter(REJECTED, "contract", operation.contractName(), "operation", name(operation),
                "reason", reason.tag()).increment();
    }

    private static String name(Operation operation) {
        return operation.method() + " " + operation.path();
    }
}
