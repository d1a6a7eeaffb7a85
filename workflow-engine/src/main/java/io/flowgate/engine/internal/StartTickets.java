package io.flowgate.engine.internal;

import io.flowgate.engine.FlowInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Starts by instance id while their first transaction has not committed, plus the ones that failed after their
 * caller got the id (kept for {@code retention} so the caller can learn what happened). Also carries the ticket of
 * the start running on the current thread, for the process-start listener and the tenant id provider.
 */
final class StartTickets {

    private final ConcurrentMap<String, StartTicket> byInstanceId = new ConcurrentHashMap<>();
    private final ThreadLocal<StartTicket> current = new ThreadLocal<>();
    private final Duration retention;

    StartTickets(Duration retention) {
        this.retention = retention;
    }

    void bindToThread(StartTicket ticket) {
        current.set(ticket);
    }

    void unbindFromThread() {
        current.remove();
    }

    Optional<StartTicket> onThisThread() {
        return Optional.ofNullable(current.get());
    }

    /** Called by the process-start listener. */
    void instanceStarted(String instanceId) {
        StartTicket ticket = current.get();
        if (ticket != null && ticket.offerId(instanceId)) {
            byInstanceId.put(instanceId, ticket);
        }
    }

    /** The start committed: readers find the instance in the database from now on. */
    void committed(StartTicket ticket, boolean ended) {
        ticket.committed(ended);
        forget(ticket);
    }

    /** The start committed and its instance ended inside it, as {@code view}. */
    void committedEnded(StartTicket ticket, FlowInstance view) {
        ticket.committedEnded(view);
        forget(ticket);
    }

    private void forget(StartTicket ticket) {
        String id = ticket.instanceId();
        if (id != null) {
            byInstanceId.remove(id, ticket);
        }
    }

    /** The start was refused: an earlier start recorded its key. */
    void duplicate(StartTicket ticket, ReceivedMessages.DuplicateMessage refused) {
        ticket.duplicate(refused);
        forget(ticket);
    }

    void failed(StartTicket ticket, RuntimeException error) {
        ticket.failed(error);
        forgetExpired();
    }

    Optional<StartTicket> find(String instanceId) {
        forgetExpired();
        return Optional.ofNullable(byInstanceId.get(instanceId));
    }

    private void forgetExpired() {
        Instant limit = Instant.now().minus(retention);
        byInstanceId.values().removeIf(t -> t.failedAt() != null && t.failedAt().isBefore(limit));
    }
}
