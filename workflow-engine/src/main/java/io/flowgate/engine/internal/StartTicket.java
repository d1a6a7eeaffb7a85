package io.flowgate.engine.internal;

import io.flowgate.engine.FlowInstance;
import io.flowgate.engine.ReceivedMessage;
import io.flowgate.engine.internal.ReceivedMessages.DuplicateMessage;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One start in flight. The engine fills in the instance id as soon as the process-start listener runs (long before
 * the first transaction commits), so a caller whose budget runs out still gets the id.
 */
final class StartTicket {

    private enum Phase { WAITING, BEGUN, WITHDRAWN }

    final String flowKey;
    final int flowVersion;
    final String businessKey;
    final String tenantId;
    final String initiator;
    /** The start holds its business key alone ({@link BusinessKeys}). */
    final boolean claimsBusinessKey;
    /** Recorded with the start in its first transaction; null = none. */
    final ReceivedMessage key;
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.WAITING);
    private volatile boolean transactionCommitted;
    private volatile DuplicateMessage duplicate;
    private final CompletableFuture<String> id = new CompletableFuture<>();
    private final CompletableFuture<Boolean> finished = new CompletableFuture<>();
    private volatile RuntimeException failure;
    private volatile Instant failedAt;
    private volatile FlowInstance endedInStart;
    final Instant createdAt = Instant.now();

    StartTicket(String flowKey, int flowVersion, String businessKey, String tenantId, String initiator,
                boolean claimsBusinessKey, ReceivedMessage key) {
        this.flowKey = flowKey;
        this.flowVersion = flowVersion;
        this.businessKey = businessKey;
        this.tenantId = tenantId;
        this.initiator = initiator;
        this.claimsBusinessKey = claimsBusinessKey && businessKey != null;
        this.key = key;
    }

    /** The command thread takes the start on; false when its caller withdrew it first. */
    boolean begin() {
        return phase.compareAndSet(Phase.WAITING, Phase.BEGUN);
    }

    /** The caller gives up on a start no command thread has taken on yet; false when one has (it will run). */
    boolean withdraw() {
        return phase.compareAndSet(Phase.WAITING, Phase.WITHDRAWN);
    }

    /** Called once the start's transaction has committed, whatever happens after (a failing listener, a read). */
    void transactionCommitted() {
        transactionCommitted = true;
    }

    boolean hasCommitted() {
        return transactionCommitted;
    }

    /** The start was refused: an earlier start recorded the same key. Nothing committed. */
    void duplicate(DuplicateMessage refused) {
        duplicate = refused;
        finished.complete(null);
    }

    /** The refusal, when an earlier start recorded the key; null otherwise. */
    DuplicateMessage duplicateOf() {
        return duplicate;
    }

    /** @return true for the first id only: sub-instances started in the same command are not this start */
    boolean offerId(String instanceId) {
        return id.complete(instanceId);
    }

    void committed(boolean ended) {
        finished.complete(ended);
    }

    /**
     * The start ran the whole instance and committed: {@code view} is built from the variables the command ended
     * with, so the caller needs no read-back from the database.
     */
    void committedEnded(FlowInstance view) {
        endedInStart = view;
        finished.complete(true);
    }

    /** The instance as it ended inside its start command; null when it did not end there (or not yet). */
    FlowInstance endedInStart() {
        return endedInStart;
    }

    void failed(RuntimeException error) {
        failure = error;
        failedAt = Instant.now();
        finished.complete(null);
    }

    String instanceId() {
        return id.getNow(null);
    }

    CompletableFuture<String> idFuture() {
        return id;
    }

    CompletableFuture<Boolean> finishedFuture() {
        return finished;
    }

    boolean isFinished() {
        return finished.isDone();
    }

    RuntimeException failure() {
        return failure;
    }

    Instant failedAt() {
        return failedAt;
    }
}
