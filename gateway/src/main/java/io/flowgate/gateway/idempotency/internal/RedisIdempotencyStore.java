package io.flowgate.gateway.idempotency.internal;

import io.flowgate.gateway.redis.RedisConnections;
import io.flowgate.gateway.idempotency.Holders;
import io.flowgate.gateway.idempotency.IdempotencyStore;
import io.flowgate.gateway.idempotency.IdempotencyUnavailable;
import io.flowgate.gateway.idempotency.Reservation;
import io.flowgate.gateway.idempotency.StoredResponse;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Keys in Redis, shared by every node: the first reservation is {@code SET key running NX PX retention}, so exactly
 * one request wins; the answer replaces the reservation with {@code KEEPTTL}, so a key lives for the retention counted
 * from its first use. Taking over an abandoned reservation, completing and releasing are compare-and-set scripts on
 * the exact value read, so a node never overwrites a reservation it did not see. A reservation names the node holding
 * it ({@link Holders}): one whose node is gone is taken over at once rather than after the lock timeout.
 */
public final class RedisIdempotencyStore implements IdempotencyStore {

    static final String KEY_PREFIX = "flowgate:idem:";

    /** KEYS[1]; ARGV[1] = expected value; ARGV[2] = new value ("" = delete); ARGV[3] = "keep" or TTL in ms. */
    private static final byte[] COMPARE_AND_SET = """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
            if ARGV[2] == '' then redis.call('DEL', KEYS[1])
            elseif ARGV[3] == 'keep' then redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
            else redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end
            return 1
            """.getBytes(StandardCharsets.UTF_8);
    private static final byte[] KEEP_TTL = "keep".getBytes(StandardCharsets.UTF_8);
    private static final int ATTEMPTS = 5;

    private final UnifiedJedis redis;
    private final Duration lockTimeout;
    private final Clock clock;
    private final Holders holders;

    public RedisIdempotencyStore(UnifiedJedis redis, Duration lockTimeout, Clock clock, Holders holders) {
        this.redis = redis;
        this.lockTimeout = lockTimeout;
        this.clock = clock;
        this.holders = holders;
    }

    /** A store with its own connection pool to {@code url}. */
    public static RedisIdempotencyStore connect(String url, Duration timeout, Duration lockTimeout) {
        return connect(url, timeout, lockTimeout, Holders.none());
    }

    /** A store with its own connection pool to {@code url}, naming this node in its reservations. */
    public static RedisIdempotencyStore connect(String url, Duration timeout, Duration lockTimeout, Holders holders) {
        return new RedisIdempotencyStore(RedisConnections.pooled(url, timeout), lockTimeout, Clock.systemUTC(),
                holders);
    }

    @Override
    public Reservation reserve(String key, String fingerprint, Duration retention) {
        byte[] id = id(key);
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                long now = clock.millis();
                byte[] running = RedisRecord.running(fingerprint, now + lockTimeout.toMillis(), holders.self())
                        .encode();
                if ("OK".equals(redis.set(id, running, SetParams.setParams().nx().px(retention.toMillis())))) {
                    return Outcomes.acquired();
                }
                byte[] current = redis.get(id);
                if (current == null) {
                    continue; // expired or released in between
                }
                RedisRecord found = RedisRecord.decode(current);
                if (found.running() && (found.lockedUntil() <= now || (found.fingerprint().equals(fingerprint)
                        && !found.holder().isEmpty() && holders.gone(found.holder())))) {
                    if (compareAndSet(id, current, running, Long.toString(retention.toMillis()).getBytes(
                            StandardCharsets.UTF_8))) {
                        return Outcomes.acquired();
                    }
                    continue;
                }
                return Outcomes.of(found.fingerprint(), found.running(), found.response(), fingerprint);
            }
            return Outcomes.inProgress();
        } catch (RuntimeException e) {
            throw new IdempotencyUnavailable("Redis: could not reserve an idempotency key (" + e.getMessage() + ")",
                    e);
        }
    }

    @Override
    public void complete(String key, StoredResponse response) {
        byte[] id = id(key);
        try {
            byte[] current = redis.get(id);
            if (current == null) {
                return;
            }
            RedisRecord found = RedisRecord.decode(current);
            if (found.running()) {
                compareAndSet(id, current, found.done(response).encode(), KEEP_TTL);
            }
        } catch (RuntimeException e) {
            throw new IdempotencyUnavailable("Redis: could not store an answer (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void release(String key) {
        byte[] id = id(key);
        try {
            byte[] current = redis.get(id);
            if (current != null && RedisRecord.decode(current).running()) {
                compareAndSet(id, current, new byte[0], KEEP_TTL);
            }
        } catch (RuntimeException e) {
            throw new IdempotencyUnavailable("Redis: could not release a key (" + e.getMessage() + ")", e);
        }
    }

    private boolean compareAndSet(byte[] id, byte[] expected, byte[] value, byte[] ttl) {
        Object result = redis.eval(COMPARE_AND_SET, List.of(id), List.of(expected, value, ttl));
        return result instanceof Number n && n.longValue() == 1;
    }

    @Override
    public void close() {
        redis.close();
    }

    private static byte[] id(String key) {
        return (KEY_PREFIX + KeyHash.of(key)).getBytes(StandardCharsets.UTF_8);
    }
}
