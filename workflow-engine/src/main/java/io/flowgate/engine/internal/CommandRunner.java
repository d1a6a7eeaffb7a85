package io.flowgate.engine.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool on which engine commands that run a flow execute, so the caller can stop waiting when its budget
 * ends while the command carries on. Sized below the DB pool: each running command holds one connection. When the
 * queue is full the caller runs the command itself (it then waits for the whole synchronous segment) rather than
 * failing the request.
 */
final class CommandRunner implements AutoCloseable {

    private final ExecutorService executor;

    CommandRunner(String engineName, int threads, int queueSize) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, engineName + "-command-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(queueSize), factory, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** Runs the command on the pool; the future completes with its result or its exception. */
    <T> CompletableFuture<T> submit(Callable<T> command) {
        CompletableFuture<T> result = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                result.complete(command.call());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
