package io.flowgate.gateway.idempotency;

import io.flowgate.engine.config.NodeLiveness;
import io.flowgate.gateway.GatewaySettings;
import io.flowgate.gateway.idempotency.internal.JdbcIdempotencyStore;
import io.flowgate.gateway.idempotency.internal.LocalIdempotencyStore;
import io.flowgate.gateway.idempotency.internal.RedisIdempotencyStore;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Chooses the store once at start-up: Redis when {@code flowgate.redis-url} ({@code FLOWGATE_REDIS_URL}) is set, so
 * every node sees every key; otherwise the application's database (kept across restarts) — with reservations in
 * memory on the embedded database, which only this process can open. Shared stores name this node in its
 * reservations, so a reservation left by a node that is gone (see {@link NodeLiveness}) is free at once.
 */
@Factory
public class IdempotencyStoreFactory {

    @Singleton
    @Bean(preDestroy = "close")
    public IdempotencyStore idempotencyStore(IdempotencySettings settings, GatewaySettings gateway,
                                             DataSource dataSource, NodeLiveness nodes,
                                             @Nullable @Value("${flowgate.redis-url:}") String url) {
        settings.validate();
        Holders holders = new Holders() {
            @Override
            public String self() {
                return nodes.self();
            }

            @Override
            public boolean gone(String holder) {
                return nodes.gone(holder);
            }
        };
        if (url != null && !url.isBlank()) {
            return RedisIdempotencyStore.connect(url, settings.getRedisTimeout(), settings.getLockTimeout(), holders);
        }
        if (gateway.embeddedDatabase()) {
            return new LocalIdempotencyStore(dataSource, settings.getLockTimeout(), settings.getPurgeInterval(),
                    Clock.systemUTC());
        }
        return new JdbcIdempotencyStore(dataSource, settings.getLockTimeout(), settings.getPurgeInterval(),
                Clock.systemUTC(), holders);
    }
}
