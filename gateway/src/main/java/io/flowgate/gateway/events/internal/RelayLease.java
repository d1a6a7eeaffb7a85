package io.flowgate.gateway.events.internal;

import io.flowgate.connectors.storage.Jdbc;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;

/**
 * The database lease that lets one node of the cluster run a relay: a row per relay ({@code event_relay_leases}) with
 * its owner and expiry, taken and renewed by one compare-and-set {@code UPDATE} (the owner is this node, or the lease
 * has expired). Concurrent takers are serialized by the row lock, and both H2 and PostgreSQL re-check the condition
 * after waiting, so one wins. A node that stops renewing (dead, partitioned) loses the lease after the TTL; a node
 * that shuts down releases it at once.
 *
 * <p>Expiry is compared on each node's own clock: clocks must agree to well within the TTL.
 */
public final class RelayLease {

    private final DataSource dataSource;
    private final String name;
    private final String owner;
    private final Duration ttl;
    private final Clock clock;
    private volatile boolean held;
    private volatile boolean retired;

    public RelayLease(DataSource dataSource, String name, String owner, Duration ttl, Clock clock) {
        this.dataSource = dataSource;
        this.name = name;
        this.owner = owner;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Takes the lease, or renews it when this node holds it; false when another node holds an unexpired one. */
    public boolean acquire() {
        if (retired) {
            held = false;
            return false;
        }
        long now = clock.millis();
        int updated = Jdbc.read(dataSource, "cannot take the " + name + " relay lease", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE event_relay_leases SET owner = ?, "
                    + "expires_at = ? WHERE name = ? AND (owner = ? OR expires_at < ?)")) {
                update.setString(1, owner);
                update.setLong(2, now + ttl.toMillis());
                update.setString(3, name);
                update.setString(4, owner);
                update.setLong(5, now);
                return update.executeUpdate();
            }
        });
        held = updated == 1;
        return held;
    }

    /** From now on {@link #acquire()} fails: a round still running cannot renew the lease while the node stops. */
    public void retire() {
        retired = true;
    }

    /**
     * Retires the lease and gives it up (when this node holds it), so another node can take it without waiting for
     * the TTL.
     */
    public void release() {
        retire();
        held = false;
        Jdbc.read(dataSource, "cannot release the " + name + " relay lease", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE event_relay_leases SET owner = NULL, "
                    + "expires_at = 0 WHERE name = ? AND owner = ?")) {
                update.setString(1, name);
                update.setString(2, owner);
                return update.executeUpdate();
            }
        });
    }

    /** Whether the last {@link #acquire()} succeeded. */
    public boolean held() {
        return held;
    }

    public String name() {
        return name;
    }

    public String owner() {
        return owner;
    }
}
