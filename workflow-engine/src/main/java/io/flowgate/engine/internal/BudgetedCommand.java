package io.flowgate.engine.internal;

import io.flowgate.engine.FlowInstance;
import io.flowgate.engine.InstanceNotFound;
import io.flowgate.engine.InstanceState;
import io.flowgate.engine.NotCommittedYet;
import io.flowgate.engine.ReceivedMessage;
import io.flowgate.engine.internal.ReceivedMessages.DuplicateMessage;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a command on an instance whose id is known up front (correlate, complete a task) within a budget: waits for
 * its transaction, then for the instance to settle. If the budget ends while the command still runs, the caller
 * gets the instance as stored with state RUNNING.
 *
 * <p>The command runs in one engine transaction with the key of its request, when it has one, written first: a
 * command whose key an earlier command recorded runs nothing, and the answer is that earlier command's instance.
 * Once the transaction has committed, the caller is never told the command failed (a listener failing after the
 * commit, the instance unreadable afterwards): it did happen.
 */
final class BudgetedCommand {

    private static final Logger LOG = LoggerFactory.getLogger(BudgetedCommand.class);

    /** The key of a request and what the command does, recorded with it. */
    record Key(ReceivedMessage message, ReceivedMessages.Action action) {
    }

    /** Whether the command's transaction has committed, whatever was thrown after. */
    private static final class Transaction {
        private volatile boolean committed;
    }

    private final EngineContext context;
    private final ReceivedMessages received;
    private final CommandExecutor executor;

    BudgetedCommand(EngineContext context, ReceivedMessages received) {
        this.context = context;
        this.received = received;
        this.executor = ((ProcessEngineConfigurationImpl) context.engine().getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
    }

    /** @param key recorded with the command; null = none */
    FlowInstance run(String instanceId, String flowKey, Runnable command, Duration budget, Key key) {
        Instant deadline = Instant.now().plus(budget == null ? Duration.ZERO : budget);
        Transaction transaction = new Transaction();
        CompletableFuture<Void> done = submit(instanceId, flowKey, command, key, transaction);
        try {
            done.get(Math.max(0, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return stillRunning(instanceId, flowKey);
        } catch (ExecutionException e) {
            Optional<String> earlier = failed(e.getCause(), transaction, instanceId, flowKey, key);
            if (earlier.isPresent()) {
                return context.settler().awaitSettled(earlier.get(), deadline, unread(earlier.get(), flowKey));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return stillRunning(instanceId, flowKey);
        }
        return context.settler().awaitSettled(instanceId, deadline, unread(instanceId, flowKey));
    }

    /**
     * Runs the command and answers once its transaction has committed, with the instance as stored then (not
     * settled).
     *
     * @param key recorded with the command; null = none
     * @throws NotCommittedYet when it has not committed within {@code wait}
     */
    FlowInstance runCommitted(String instanceId, String flowKey, Runnable command, Duration wait, Key key) {
        Transaction transaction = new Transaction();
        CompletableFuture<Void> done = submit(instanceId, flowKey, command, key, transaction);
        String answered = instanceId;
        try {
            done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new NotCommittedYet("the command on instance " + instanceId + " has not committed within " + wait);
        } catch (ExecutionException e) {
            answered = failed(e.getCause(), transaction, instanceId, flowKey, key).orElse(instanceId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotCommittedYet("interrupted while waiting for the command on instance " + instanceId);
        }
        return readCommitted(answered, flowKey);
    }

    /**
     * For a request with a key that finds nothing to act on (its instance moved on, or its task is done): the instance
     * an earlier request with the key acted on, as it stands within {@code budget} (settled, or as committed) —
     * empty without a key or when no such request committed. Costs a read only on this path.
     */
    Optional<FlowInstance> earlier(Key key, String flowKey, Duration budget, boolean settle) {
        if (key == null) {
            return Optional.empty();
        }
        Instant deadline = Instant.now().plus(budget == null ? Duration.ZERO : budget);
        return received.earlier(key.message()).map(instanceId -> settle
                ? context.settler().awaitSettled(instanceId, deadline, unread(instanceId, flowKey))
                : readCommitted(instanceId, flowKey));
    }

    private CompletableFuture<Void> submit(String instanceId, String flowKey, Runnable command, Key key,
                                           Transaction transaction) {
        return context.runner().submit(() -> executor.execute(commandContext -> {
            // first of the transaction's listeners, so one failing after the commit cannot keep it from running
            commandContext.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
                    committed -> transaction.committed = true);
            if (key != null) {
                ReceivedMessages.record(CommandConnection.of(commandContext, "a request key's row"), key.message(),
                        flowKey, key.action(), instanceId);
            }
            command.run();
            return null;
        }));
    }

    /**
     * What a failed command means: the earlier instance when its key was recorded before (nothing ran), nothing when
     * it committed all the same (the caller goes on as after a success), else the failure, translated.
     */
    private Optional<String> failed(Throwable failure, Transaction transaction, String instanceId, String flowKey,
                                    Key key) {
        if (transaction.committed) {
            LOG.warn("the command on instance {} committed, then failed: {}", instanceId, failure.toString());
            return Optional.empty();
        }
        Optional<DuplicateMessage> duplicate = ReceivedMessages.duplicate(failure);
        if (duplicate.isPresent() && key != null) {
            String earlier = received.committedEarlier(key.message(), duplicate.get());
            LOG.info("a command on instance {} with an already recorded key ran nothing; answering from instance {}",
                    instanceId, earlier);
            return Optional.of(earlier);
        }
        throw EngineExceptions.translate(failure, flowKey, instanceId);
    }

    private FlowInstance readCommitted(String instanceId, String flowKey) {
        try {
            return context.reader().read(instanceId).orElseThrow(() -> new InstanceNotFound(instanceId));
        } catch (InstanceNotFound notFound) {
            throw notFound;
        } catch (RuntimeException unreadable) {
            LOG.warn("instance {} cannot be read after a committed command: {}", instanceId, unreadable.toString());
            return unread(instanceId, flowKey);
        }
    }

    private FlowInstance stillRunning(String instanceId, String flowKey) {
        FlowInstance stored;
        try {
            stored = context.reader().read(instanceId).orElseThrow(() -> new InstanceNotFound(instanceId));
        } catch (InstanceNotFound notFound) {
            throw notFound;
        } catch (RuntimeException unreadable) {
            return unread(instanceId, flowKey);
        }
        return new FlowInstance(stored.id(), stored.flowKey(), stored.flowVersion(), stored.businessKey(),
                stored.tenantId(), InstanceState.RUNNING, stored.activities(), stored.variables(), stored.error(),
                stored.startedAt(), stored.endedAt());
    }

    /** What is known of the instance without reading it: RUNNING. */
    private static FlowInstance unread(String instanceId, String flowKey) {
        return new FlowInstance(instanceId, flowKey, 0, null, null, InstanceState.RUNNING, List.of(), Map.of(),
                Optional.empty(), null, null);
    }
}
