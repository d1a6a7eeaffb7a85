package io.flowgate.gateway.ratelimit.internal;

import io.flowgate.gateway.redis.RedisConnections;
import io.flowgate.contracts.RateLimitSpec;
import io.flowgate.gateway.ratelimit.RateDecision;
import io.flowgate.gateway.ratelimit.RateLimiter;
import io.flowgate.gateway.ratelimit.RateLimitSettings.OnRedisError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * GCRA in Redis, shared by every gateway node: one Lua script per call (EVALSHA; loaded on the first NOSCRIPT, e.g.
 * after a Redis restart or {@code SCRIPT FLUSH}), which reads the key's arrival time, decides and writes it back
 * atomically with an expiry, using Redis' own clock so nodes with skewed clocks still agree.
 */
public final class RedisRateLimiter implements RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);

    /** KEYS[1] = the counter; ARGV[1] = interval, ARGV[2] = capacity, both in microseconds. */
    static final String SCRIPT = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local interval = tonumber(ARGV[1])
            local capacity = tonumber(ARGV[2])
            local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
            if tat < now then tat = now end
            local next = tat + interval
            if next - capacity > now then
              return {0, 0, tat - now, next - capacity - now}
            end
            redis.call('SET', KEYS[1], string.format('%.0f', next), 'PX', math.ceil((next - now) / 1000) + 1)
            return {1, math.floor((now + capacity - next) / interval), next - now, 0}
            """;
    static final String KEY_PREFIX = "flowgate:rl:";

    private final UnifiedJedis redis;
    private final boolean allowWhenDown;
    private final String sha = sha1(SCRIPT);
    private final RedisOutage outage;

    /**
     * @param redis   a pooled client with a short socket timeout (the whole decision waits at most that long)
     * @param onError what to decide while Redis does not answer
     */
    public RedisRateLimiter(UnifiedJedis redis, OnRedisError onError) {
        this.redis = redis;
        this.allowWhenDown = onError == OnRedisError.ALLOW;
        this.outage = new RedisOutage(LOG, allowWhenDown ? "rate limits are not enforced (on-redis-error: allow)"
                : "every limited call is refused (on-redis-error: deny)", System::nanoTime);
    }

    /** A limiter with its own connection pool to {@code url} ({@code redis://[user:password@]host:port[/db]}). */
    public static RedisRateLimiter connect(String url, Duration timeout, OnRedisError onError) {
        return new RedisRateLimiter(RedisConnections.pooled(url, timeout), onError);
    }

    @Override
    public RateDecision acquire(String key, RateLimitSpec spec) {
        if (!outage.shouldTry()) {
            outage.skipped();
            return Gcra.unknown(spec, allowWhenDown);
        }
        long interval = Gcra.intervalMicros(spec);
        List<String> args = List.of(Long.toString(interval), Long.toString(interval * spec.limit()));
        List<?> reply;
        try {
            reply = run(List.of(KEY_PREFIX + key), args);
        } catch (RuntimeException e) {
            // Fail open by default: the limiter protects the gateway from abusive clients, but an unreachable Redis
            // is our fault, not theirs; refusing every call would turn a limiter outage into a full API outage.
            // Deployments where the limit guards a fragile backend can choose deny.
            outage.failed(e);
            return Gcra.unknown(spec, allowWhenDown);
        }
        outage.succeeded();
        long untilFull = number(reply.get(2));
        return number(reply.get(0)) == 1
                ? Gcra.allowed(spec, number(reply.get(1)), untilFull, TimeUnit.MICROSECONDS)
                : Gcra.refused(spec, untilFull, number(reply.get(3)), TimeUnit.MICROSECONDS);
    }

    private List<?> run(List<String> keys, List<String> args) {
        try {
            return (List<?>) redis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException e) {
            redis.scriptLoad(SCRIPT);
            return (List<?>) redis.evalsha(sha, keys, args);
        }
    }

    /** Outage episodes seen since start (each logged once). */
    public long outageEpisodes() {
        return outage.episodes();
    }

    @Override
    public void close() {
        redis.close();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static String sha1(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
