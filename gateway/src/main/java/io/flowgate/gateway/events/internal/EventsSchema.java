package io.flowgate.gateway.events.internal;

import io.flowgate.connectors.events.Outbox;
import io.flowgate.connectors.storage.ModuleSchema;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

/**
 * The relays' tables (leases, handled rows, webhook subscriptions and deliveries; feature {@code events}) on the
 * application's database. Takes the {@link Outbox} so the table the relays read exists too.
 */
@Singleton
public final class EventsSchema {

    static final String FEATURE = "events";

    private final DataSource dataSource;
    private final Outbox outbox;

    public EventsSchema(DataSource dataSource, Outbox outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        ModuleSchema.migrate(dataSource, FEATURE);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Outbox outbox() {
        return outbox;
    }
}
