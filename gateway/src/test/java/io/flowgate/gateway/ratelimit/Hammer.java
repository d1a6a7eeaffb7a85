package io.flowgate.gateway.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Many threads released at once, each calling {@code call} a number of times; counts the {@code true}s. */
final class Hammer {

    private Hammer() {
    }

    static long count(int threads, int callsEach, BooleanSupplier call) throws Exception {
        return until(threads, 0, callsEach, call);
    }

    /** Threads call until {@code millis} have passed (when {@code millis > 0}) or {@code callsEach} calls. */
    static long until(int threads, long millis, int callsEach, BooleanSupplier call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
                    long yes = 0;
                    for (int i = 0; millis > 0 ? System.nanoTime() < deadline : i < callsEach; i++) {
                        yes += call.getAsBoolean() ? 1 : 0;
                    }
                    return yes;
                }));
            }
            start.countDown();
            long total = 0;
            for (Future<Long> result : results) {
                total += result.get(60, TimeUnit.SECONDS);
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }
}
