package io.flowgate.engine.internal;

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
    private final CompletableFuture<String> id = new CompletableFuture<>();
    private final CompletableFuture<Boolean> finished = new CompletableFuture<>();
    private volatile RuntimeException failure;
    private volatile Instant failedAt;

    StartTicket(String flowKey, int flowVersion, String businessKey, String tenantId, String initiator) {
        this.flowKey = flowKey;
        this.flowVersion = flowVersion;
        this.businessKey = businessKey;
        this.tenantId = tenantId;
        this.initiator = initiator;
    }

    /** @return true for the first id only: sub-instances started in the same command are not this start */
    boolean offerId(String instanceId) {
        return id.complete(instanceId);
    }

    void committed(boolean ended) {
        finished.complete(ended);
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
