package io.flowgate.connectors;

import java.util.Map;
import java.util.Optional;

/**
 * A service task implementation that ops staff can drag into a flow. One class per connector, registered as a bean;
 * the {@link ConnectorRegistry} collects them at start-up.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>Business faults (the model should route them) are thrown as {@link ConnectorBusinessError} with a code that
 *       is listed in {@link ConnectorDescriptor#errors()}.</li>
 *   <li>Technical faults are any other runtime exception: the engine retries the job and then raises an incident.</li>
 *   <li>Execution is at-least-once: the same {@link ConnectorRequest#idempotencyKey()} may arrive twice and must
 *       not cause a second side effect.</li>
 * </ul>
 */
public interface Connector {

    /** Stable id, metadata and the errors this connector may throw. */
    ConnectorDescriptor descriptor();

    /**
     * Runs the connector.
     *
     * @return output values by name; plain JSON-like values (String, Number, Boolean, Map, List, null)
     */
    Map<String, Object> execute(ConnectorRequest request);

    /**
     * Why this connector, though registered, cannot run on this node — typically a missing setting, e.g. no Kafka
     * bootstrap servers. Such a connector stays in the catalogue and its element template is served, but deploying a
     * flow that uses it is refused with this reason. Decided at start-up; empty (the default) when it can run.
     */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }
}
