package io.flowgate.gateway.idempotency;

import java.time.Duration;

/**
 * Remembers the first response per idempotency key (Stripe semantics). Two back-ends: the database (one node,
 * survives restarts) and Redis (a cluster). Exact under concurrency: of many simultaneous reservations of one key,
 * exactly one is {@link Reservation.Outcome#ACQUIRED}. A reservation whose request has not completed within the
 * store's lock timeout is considered abandoned (the node died) and can be acquired again.
 *
 * <p>Failures of the back-end are {@link IdempotencyUnavailable}.
 */
public interface IdempotencyStore extends AutoCloseable {

    /**
     * Reserves {@code key} for a request with this fingerprint.
     *
     * @param key         already scoped by tenant, principal and operation
     * @param fingerprint hash of method, path and body (JSON key order ignored)
     * @param retention   how long the key and its response are kept, counted from this reservation
     */
    Reservation reserve(String key, String fingerprint, Duration retention);

    /** Stores the response of the request that acquired {@code key}. */
    void complete(String key, StoredResponse response);

    /** Forgets a reservation whose request was not executed (e.g. it failed validation). */
    void release(String key);

    /** Stops background work and releases connections. */
    @Override
    default void close() {
    }
}
