package io.flowgate.connectors;

import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every connector known to this node, by id. Built once at start-up; immutable afterwards. */
@Singleton
public final class ConnectorRegistry {

    private final Map<String, Connector> byId;
    private final Map<String, String> unavailable;

    public ConnectorRegistry(List<Connector> connectors) {
        this.byId = connectors.stream().collect(Collectors.toMap(c -> c.descriptor().id(), Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("two connectors claim the id " + a.descriptor().id() + ": "
                            + a.getClass().getName() + " and " + b.getClass().getName());
                }, TreeMap::new));
        Map<String, String> reasons = new TreeMap<>();
        byId.forEach((id, connector) -> connector.unavailableReason().ifPresent(reason -> reasons.put(id, reason)));
        this.unavailable = Collections.unmodifiableMap(reasons);
    }

    public Optional<Connector> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<String> ids() {
        return byId.keySet();
    }

    /**
     * The registered connectors that cannot run on this node, id → reason (see {@link Connector#unavailableReason()}),
     * sorted by id. Flows using them are refused at deploy.
     */
    public Map<String, String> unavailable() {
        return unavailable;
    }

    public List<ConnectorDescriptor> descriptors() {
        return byId.values().stream().map(Connector::descriptor).toList();
    }
}
