package io.flowgate.gateway.redis;

import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisURIHelper;

import java.net.URI;
import java.time.Duration;

/** Builds the pooled client from {@code FLOWGATE_REDIS_URL}; every wait (connect, read, pool) is the timeout. */
public final class RedisConnections {

    static final int MAX_CONNECTIONS = 64;

    private RedisConnections() {
    }

    public static UnifiedJedis pooled(String url, Duration timeout) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("FLOWGATE_REDIS_URL is not a URL: " + url, e);
        }
        if (!JedisURIHelper.isValid(uri)) {
            throw new IllegalArgumentException("FLOWGATE_REDIS_URL must look like redis://host:6379, was " + url);
        }
        int millis = (int) timeout.toMillis();
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis)
                .socketTimeoutMillis(millis)
                .clientName("flowgate")
                .ssl(JedisURIHelper.isRedisSSLScheme(uri))
                .database(JedisURIHelper.getDBIndex(uri));
        if (JedisURIHelper.getPassword(uri) != null) {
            config.user(JedisURIHelper.getUser(uri)).password(JedisURIHelper.getPassword(uri));
        }
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(MAX_CONNECTIONS);
        pool.setMaxIdle(MAX_CONNECTIONS);
        pool.setMaxWait(timeout);
        return RedisClient.builder().hostAndPort(JedisURIHelper.getHostAndPort(uri)).clientConfig(config.build())
                .poolConfig(pool).build();
    }
}
