package io.flowgate.gateway.idempotency;

import io.flowgate.gateway.idempotency.internal.RedisIdempotencyStore;
import io.flowgate.gateway.testsupport.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RedisIdempotencyStoreIT extends IdempotencyStoreContract {

    private static RedisServer redis;
    private static RedisIdempotencyStore store;

    @BeforeAll
    static void start() {
        redis = RedisServer.startNew();
        store = RedisIdempotencyStore.connect(redis.url(), Duration.ofSeconds(1), LOCK_TIMEOUT);
    }

    @AfterAll
    static void stop() {
        store.close();
        redis.close();
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Override
    IdempotencyStore store() {
        return store;
    }

    @Test
    void takesOverAtOnceTheReservationOfANodeThatIsGone() {
        GoneHolderScenario.takesOverAtOnceOnlyTheReservationOfANodeThatIsGone((self, gone) ->
                RedisIdempotencyStore.connect(redis.url(), Duration.ofSeconds(1), Duration.ofHours(1),
                        GoneHolderScenario.holders(self, gone)));
    }

    @Test
    void keepsTheRetentionOfTheFirstUseWhenTheAnswerIsStored() throws Exception {
        String key = key();
        store.reserve(key, "fp", Duration.ofSeconds(30));
        store.complete(key, created());

        long ttl = Long.parseLong(redis.command("PTTL flowgate:idem:" + sha256(key)).substring(1));
        assertThat(ttl).isBetween(1L, 30_000L);
    }

    @Test
    void reportsAnUnreachableRedisAsUnavailable() {
        try (RedisServer own = RedisServer.startNew();
             RedisIdempotencyStore lonely = RedisIdempotencyStore.connect(own.url(), Duration.ofMillis(200),
                     LOCK_TIMEOUT)) {
            own.stop();

            assertThat(catchThrowableOfType(IdempotencyUnavailable.class, () -> lonely.reserve(key(), "fp", DAY)))
                    .isNotNull();
        }
    }
}
