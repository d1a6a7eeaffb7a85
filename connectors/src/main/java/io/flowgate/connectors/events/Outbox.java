package io.flowgate.connectors.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.connectors.storage.Jdbc;
import io.flowgate.connectors.storage.ModuleSchema;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The transactional outbox ({@code outbox_events}). A change and the event reporting it commit together or not at
 * all: writers call {@link #append(Connection, OutboxEvent)} with the connection of the transaction that makes the
 * change. Relays read the rows in {@code seq} order with {@link #after(long, int)}.
 *
 * <p>A row's {@code seq} is assigned at insert, not at commit: a transaction that started earlier may commit a
 * smaller seq after a larger one is visible. Readers that keep a cursor must tolerate that (e.g. track delivered
 * rows, or only move past a gap once it is old enough).
 */
@Singleton
public final class Outbox {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
    };

    private final DataSource dataSource;

    /** Migrates {@code outbox_events} (feature {@code outbox}). */
    public Outbox(DataSource dataSource) {
        this.dataSource = dataSource;
        ModuleSchema.migrate(dataSource, "outbox");
    }

    /** Writes the event with the caller's connection, inside the caller's transaction. */
    public static void append(Connection connection, OutboxEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_events "
                + "(id, type, event_time, tenant, subject, data) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, event.id());
            insert.setString(2, event.type());
            insert.setLong(3, event.time().toEpochMilli());
            insert.setString(4, event.tenant());
            insert.setString(5, event.subject());
            insert.setString(6, json(event.data()));
            insert.executeUpdate();
        }
    }

    /** Writes the event in a transaction of its own, for changes that are not made in this database. */
    public void append(OutboxEvent event) {
        Jdbc.inTransaction(dataSource, "cannot write to the outbox", c -> {
            append(c, event);
            return null;
        });
    }

    /** Up to {@code limit} events with a seq greater than {@code seq}, oldest first. */
    public List<StoredEvent> after(long seq, int limit) {
        return Jdbc.read(dataSource, "cannot read the outbox", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT seq, id, type, event_time, tenant, subject, "
                    + "data FROM outbox_events WHERE seq > ? ORDER BY seq")) {
                select.setLong(1, seq);
                select.setMaxRows(limit);
                return rows(select);
            }
        });
    }

    /**
     * Up to {@code limit} events of the given types with a seq greater than {@code seq}, oldest first (for readers
     * that follow a few types, e.g. contract changes, without reading every instance and order event).
     */
    public List<StoredEvent> after(long seq, int limit, Collection<String> types) {
        if (types.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(types.size(), "?"));
        return Jdbc.read(dataSource, "cannot read the outbox", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT seq, id, type, event_time, tenant, subject, "
                    + "data FROM outbox_events WHERE seq > ? AND type IN (" + marks + ") ORDER BY seq")) {
                select.setLong(1, seq);
                int index = 2;
                for (String type : types) {
                    select.setString(index++, type);
                }
                select.setMaxRows(limit);
                return rows(select);
            }
        });
    }

    /** The highest seq written so far; 0 when the outbox is empty. */
    public long lastSeq() {
        return Jdbc.read(dataSource, "cannot read the outbox", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM outbox_events");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static List<StoredEvent> rows(PreparedStatement select) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                events.add(new StoredEvent(rs.getLong(1), new OutboxEvent(rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), rs.getString(6),
                        data(rs.getString(7)))));
            }
        }
        return events;
    }

    private static String json(Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not JSON-like: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Object> data(String json) {
        try {
            return JSON.readValue(json, DATA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable outbox data", e);
        }
    }
}
