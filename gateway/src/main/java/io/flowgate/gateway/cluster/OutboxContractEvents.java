package io.flowgate.gateway.cluster;

import io.flowgate.connectors.events.Outbox;
import io.flowgate.connectors.events.OutboxEvent;
import io.flowgate.contracts.ContractChangeListener;
import io.flowgate.contracts.ContractVersion;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code contract.published} and {@code contract.deleted}, written by the contract store's own transaction: subject
 * the contract name, no tenant (contracts are shared by every tenant). Other nodes learn of the change from these
 * rows ({@link ContractSync}), subscribers through the relays.
 */
@Singleton
public final class OutboxContractEvents implements ContractChangeListener {

    public static final String PUBLISHED = "contract.published";
    public static final String DELETED = "contract.deleted";

    /** Takes the outbox so that its table exists before the store's first write. */
    public OutboxContractEvents(Outbox outbox) {
        Objects.requireNonNull(outbox, "outbox");
    }

    @Override
    public void published(Connection connection, ContractVersion version) throws SQLException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("version", version.version());
        data.put("operations", version.operations());
        data.put("sha256", version.sha256());
        append(connection, PUBLISHED, version.publishedAt(), version.name(), data);
    }

    @Override
    public void deleted(Connection connection, String name, Instant deletedAt) throws SQLException {
        append(connection, DELETED, deletedAt, name, Map.of());
    }

    private static void append(Connection connection, String type, Instant at, String name, Map<String, Object> data)
            throws SQLException {
        Outbox.append(connection, new OutboxEvent(UUID.randomUUID().toString(), type, at, null, name, data));
    }
}
