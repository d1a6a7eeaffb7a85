package io.flowgate.gateway.auth.internal;

import io.flowgate.connectors.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache of token generations: read once, dropped on every change, never keeping a value a change overtook. */
class TokenGenerationsTest {

    private final TestDatabase.MovableClock clock = new TestDatabase.MovableClock();
    private final Map<String, Optional<Long>> table = new ConcurrentHashMap<>(Map.of("ada", Optional.of(7L)));
    private final AtomicInteger reads = new AtomicInteger();
    private final TokenGenerations generations = new TokenGenerations(username -> {
        reads.incrementAndGet();
        return table.getOrDefault(username, Optional.empty());
    }, clock);

    @Test
    void readsAUserOnceThenAnswersFromMemory() {
        assertThat(generations.current("ada", 7)).isTrue();
        assertThat(generations.current("ada", 7)).isTrue();
        assertThat(generations.current("ada", 8)).isFalse();

        assertThat(reads).hasValue(1);
    }

    @Test
    void readsTheUserAgainOnceEvicted() {
        assertThat(generations.current("ada", 7)).isTrue();
        table.put("ada", Optional.of(8L));

        generations.evict("ada");

        assertThat(generations.current("ada", 7)).isFalse();
        assertThat(generations.current("ada", 8)).isTrue();
    }

    @Test
    void remembersThatAUserDoesNotExistUntilEvicted() {
        assertThat(generations.current("ghost", 0)).isFalse();
        assertThat(generations.current("ghost", 0)).isFalse();
        assertThat(reads).hasValue(1);

        table.put("ghost", Optional.of(0L));
        generations.evict("ghost");

        assertThat(generations.current("ghost", 0)).isTrue();
    }

    @Test
    void readsAgainAfterAMinuteEvenWithoutAnEviction() {
        generations.current("ada", 7);
        table.put("ada", Optional.of(9L));

        clock.advance(TokenGenerations.RECHECK);

        assertThat(generations.current("ada", 9)).isTrue();
    }

    @Test
    void keepsNoValueReadWhileTheUserWasEvicted() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch changed = new CountDownLatch(1);
        TokenGenerations slow = new TokenGenerations(username -> {
            Optional<Long> before = table.get(username);
            reading.countDown();
            await(changed);
            return before;
        }, clock);
        Thread request = new Thread(() -> slow.current("ada", 7));
        request.start();
        assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();

        // the change commits and evicts while the request still holds the old value
        table.put("ada", Optional.of(8L));
        slow.evict("ada");
        changed.countDown();
        request.join(5_000);

        assertThat(slow.current("ada", 7)).as("the value read before the change is not kept").isFalse();
        assertThat(slow.current("ada", 8)).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
