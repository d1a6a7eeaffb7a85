package io.flowgate.connectors;

import java.util.Map;

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
}
