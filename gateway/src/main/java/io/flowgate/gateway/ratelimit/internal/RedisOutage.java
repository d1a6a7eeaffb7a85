package io.flowgate.gateway.ratelimit.internal;

import org.slf4j.Logger;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Tracks Redis outage episodes: the first failure logs and counts one episode, the first success after it logs the
 * recovery with how many calls were decided without Redis. While Redis is down only one call per probe interval
 * tries it; the others are decided at once instead of each waiting for a timeout.
 */
final class RedisOutage {

    static final long PROBE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final Logger log;
    private final String consequence;
    private final LongSupplier nanoClock;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong episodes = new AtomicLong();
    private final AtomicLong decidedWithout = new AtomicLong();
    private final AtomicLong nextProbe = new AtomicLong();
    private volatile long downSince;

    RedisOutage(Logger log, String consequence, LongSupplier nanoClock) {
        this.log = log;
        this.consequence = consequence;
        this.nanoClock = nanoClock;
    }

    /** Whether this call should try Redis: always while it is up, one call per probe interval while it is down. */
    boolean shouldTry() {
        if (!down.get()) {
            return true;
        }
        long now = nanoClock.getAsLong();
        long due = nextProbe.get();
        return now - due >= 0 && nextProbe.compareAndSet(due, now + PROBE_EVERY_NANOS);
    }

    void failed(RuntimeException e) {
        decidedWithout.incrementAndGet();
        if (down.compareAndSet(false, true)) {
            long now = nanoClock.getAsLong();
            downSince = now;
            nextProbe.set(now + PROBE_EVERY_NANOS);
            episodes.incrementAndGet();
            log.warn("Redis does not answer ({}); {} until it does. Logged once per outage.", e.toString(),
                    consequence);
        }
    }

    void skipped() {
        decidedWithout.incrementAndGet();
    }

    void succeeded() {
        if (down.get() && down.compareAndSet(true, false)) {
            long millis = TimeUnit.NANOSECONDS.toMillis(nanoClock.getAsLong() - downSince);
            log.info("Redis answers again after {} ms; {} calls were decided without it", millis,
                    decidedWithout.getAndSet(0));
        }
    }

    long episodes() {
        return episodes.get();
    }

    boolean isDown() {
        return down.get();
    }
}
