package io.flowgate.engine.internal;

import io.flowgate.engine.FlowInstance;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One start in flight. The engine fills in the instance id as soon as the process-start listener runs (long before
 * the first transaction commits), so a caller whose budget runs out still gets the id.
 */
final class StartTicket {

    final String flowKey;
    final int flowVersion;
    final String businessKey;
    final String tenantId;
    final String initiator;
    /** The start holds its business key alone ({@link BusinessKeys}). */
    final boolean claimsBusinessKey;
    private final CompletableFuture<String> id = new CompletableFuture<>();
    private final CompletableFuture<Boolean> finished = new CompletableFuture<>();
    private volatile RuntimeException failure;
    private volatile Instant failedAt;
    private volatile FlowInstance endedInStart;
    final Instant createdAt = Instant.now();

    StartTicket(String flowKey, int flowVersion, String businessKey, String tenantId, String initiator,
                boolean claimsBusinessKey) {
        this.flowKey = flowKey;
        this.flowVersion = flowVersion;
        this.businessKey = businessKey;
        this.tenantId = tenantId;
        this.initiator = initiator;
        this.claimsBusinessKey = claimsBusinessKey && businessKey != null;
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
