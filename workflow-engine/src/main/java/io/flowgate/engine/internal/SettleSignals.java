package io.flowgate.engine.internal;

import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Wakes callers waiting for an instance to settle when this node commits a transaction in which the instance
 * reached a wait state or ended. Firing only after COMMITTED matters: a waiter re-reads the database, and before
 * the commit it would see the old state. Other nodes' progress is found by polling (see {@link Settler}).
 */
final class SettleSignals {

    /** One waiting caller. */
    static final class Waiter {
        private boolean signalled;

        synchronized void signal() {
            signalled = true;
            notifyAll();
        }

        synchronized void await(long millis) throws InterruptedException {
            if (!signalled && millis > 0) {
                wait(millis);
            }
            signalled = false;
        }
    }

    private final ConcurrentMap<String, Set<Waiter>> waiters = new ConcurrentHashMap<>();

    Waiter register(String instanceId) {
        Waiter waiter = new Waiter();
        waiters.computeIfAbsent(instanceId, id -> ConcurrentHashMap.newKeySet()).add(waiter);
        return waiter;
    }

    void unregister(String instanceId, Waiter waiter) {
        waiters.computeIfPresent(instanceId, (id, set) -> {
            set.remove(waiter);
            return set.isEmpty() ? null : set;
        });
    }

    /** From inside a command: signal once the surrounding transaction has committed. */
    void fireAfterCommit(String instanceId) {
        if (instanceId == null || !waiters.containsKey(instanceId) || Context.getCommandContext() == null) {
            return; // nobody on this node waits: skip the listener bookkeeping
        }
        Context.getCommandContext().getTransactionContext()
                .addTransactionListener(TransactionState.COMMITTED, context -> fire(instanceId));
    }

    void fire(String instanceId) {
        Set<Waiter> set = waiters.get(instanceId);
        if (set != null) {
            set.forEach(Waiter::signal);
        }
    }
}
