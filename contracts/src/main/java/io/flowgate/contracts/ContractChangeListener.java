package io.flowgate.contracts;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Told of every change to the stored contracts inside the transaction that makes it: whatever the listener writes
 * with {@code connection} commits with the change or not at all, and a listener that throws undoes the change. The
 * gateway implements it to write {@code contract.published} / {@code contract.deleted} to its outbox; this module
 * knows nothing of events. Beans of this type are picked up by the contract store.
 *
 * <p>Only real changes are told: a publish whose document is unchanged stores nothing, and a refused publish never
 * reaches the store.
 */
public interface ContractChangeListener {

    /** A new version was stored (by a publish, or at start-up from a new or changed contract file). */
    void published(Connection connection, ContractVersion version) throws SQLException;

    /** A live contract was deleted (its history stays). */
    void deleted(Connection connection, String name, Instant deletedAt) throws SQLException;
}
