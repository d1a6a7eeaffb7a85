package io.flowgate.engine.internal;

import io.flowgate.engine.FlowInstance;
import io.flowgate.engine.InstanceNotFound;
import io.flowgate.engine.InstanceState;
import io.flowgate.engine.NotCommittedYet;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a command on an instance whose id is known up front (correlate, complete a task) within a budget: waits for
 * its transaction, then for the instance to settle. If the budget ends while the command still runs, the caller
 * gets the instance as stored with state RUNNING.
 */
final class BudgetedCommand {

    private final EngineContext context;

    BudgetedCommand(EngineContext context) {
        this.context = context;
    }

    FlowInstance run(String instanceId, String flowKey, Runnable command, Duration budget) {
        Instant deadline = Instant.now().plus(budget == null ? Duration.ZERO : budget);
        CompletableFuture<Void> done = context.runner().submit(() -> {
            command.run();
            return null;
        });
        try {
            done.get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return stillRunning(instanceId);
        } catch (ExecutionException e) {
            throw EngineExceptions.translate(e.getCause(), flowKey, instanceId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return stillRunning(instanceId);
        }
        return context.settler().awaitSettled(instanceId, deadline);
    }

    /**
     * Runs the command and answers once its transaction has committed, with the instance as stored then (not
     * settled).
     *
     * @throws NotCommittedYet when it has not committed within {@code wait}
     */
    FlowInstance runCommitted(String instanceId, String flowKey, Runnable command, Duration wait) {
        CompletableFuture<Void> done = context.runner().submit(() -> {
            command.run();
            return null;
        });
        try {
            done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new NotCommittedYet("the command on instance " + instanceId + " has not committed within " + wait);
        } catch (ExecutionException e) {
            throw EngineExceptions.translate(e.getCause(), flowKey, instanceId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotCommittedYet("interrupted while waiting for the command on instance " + instanceId);
        }
        return context.reader().read(instanceId).orElseThrow(() -> new InstanceNotFound(instanceId));
    }

    private FlowInstance stillRunning(String instanceId) {
        FlowInstance stored = context.reader().read(instanceId).orElseThrow(() -> new InstanceNotFound(instanceId));
        return new FlowInstance(stored.id(), stored.flowKey(), stored.flowVersion(), stored.businessKey(),
                stored.tenantId(), InstanceState.RUNNING, stored.activities(), stored.variables(), stored.error(),
                stored.startedAt(), stored.endedAt());
    }
}
