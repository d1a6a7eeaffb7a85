package io.flowgate.connectors.inventory.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.connectors.storage.Jdbc;
import io.flowgate.connectors.storage.StorageFailure;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * At-most-once effects: the key is claimed (inserted) in the same transaction as the effect and the answer is kept
 * with it, so a repeated call replays the answer and a concurrent twin blocks on, then fails on, the primary key
 * and rolls its own effect back. A key is kept with the tenant of the flow that used it, and replayed only to it.
 */
final class AppliedKeys {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final int ATTEMPTS = 5;

    private AppliedKeys() {
    }

    /** Runs {@code effect} once per {@code key}; later calls (and losing twins) get the first call's answer. */
    static Map<String, Object> once(DataSource dataSource, String key, String operation, String tenant, long now,
                                    Jdbc.Work<Map<String, Object>> effect) {
        StorageFailure last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Map<String, Object>> earlier = find(dataSource, key, operation, tenant);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            try {
                return Jdbc.inTransaction(dataSource, operation + " failed", c -> {
                    claim(c, key, operation, tenant, now);
                    String answer = write(effect.run(c));
                    try (PreparedStatement update = c.prepareStatement(
                            "UPDATE inventory_applied_keys SET result = ? WHERE idem_key = ?")) {
                        update.setString(1, answer);
                        update.setString(2, key);
                        update.executeUpdate();
                    }
                    return read(answer); // the same value types a replay will see
                });
            } catch (StorageFailure failure) {
                if (!failure.isUniqueViolation()) {
                    throw failure;
                }
                last = failure; // a twin committed first (or a new stock row appeared): look again
                pause(attempt);
            }
        }
        throw last;
    }

    private static Optional<Map<String, Object>> find(DataSource dataSource, String key, String operation,
                                                      String tenant) {
        return Jdbc.read(dataSource, "cannot read applied keys", c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT operation, result, tenant FROM inventory_applied_keys WHERE idem_key = ?")) {
                select.setString(1, key);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    // keys are instance:activity, so another tenant never has ours; never replay its answer anyway
                    if (!operation.equals(rs.getString(1)) || !Objects.equals(tenant, rs.getString(3))) {
                        throw new IllegalStateException("idempotency key " + key + " was used by another call ("
                                + rs.getString(1) + ")");
                    }
                    return Optional.of(read(rs.getString(2)));
                }
            }
        });
    }

    private static void claim(Connection c, String key, String operation, String tenant, long now)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO inventory_applied_keys (idem_key, operation, "
                + "applied_at, tenant) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, operation);
            insert.setLong(3, now);
            insert.setString(4, tenant);
            insert.executeUpdate();
        }
    }

    private static String write(Map<String, Object> answer) {
        try {
            return JSON.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep the answer " + answer, e);
        }
    }

    private static Map<String, Object> read(String answer) {
        try {
            return JSON.readValue(answer, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the kept answer is not JSON: " + answer, e);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(10L * (attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
