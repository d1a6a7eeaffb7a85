package io.flowgate.engine;

import java.time.Duration;
import java.time.Instant;

/** Retries an assertion until it holds or the time is up (then its last failure is thrown). */
public final class Eventually {

    private Eventually() {
    }

    public static void within(Duration limit, Runnable assertion) {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError failure) {
                if (Instant.now().isAfter(deadline)) {
                    throw failure;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
