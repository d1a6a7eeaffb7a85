package io.flowgate.gateway.admin;

import jakarta.inject.Singleton;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serializes contract publishes and flow deploys on this node, so a check and the change it guards cannot
 * interleave with another change (a deploy removing the message a publish just checked for).
 */
@Singleton
public class ChangeLock {

    private final ReentrantLock lock = new ReentrantLock();

    public <T> T guarded(Supplier<T> change) {
        lock.lock();
        try {
            return change.get();
        } finally {
            lock.unlock();
        }
    }
}
