package io.flowgate.gateway;

import io.flowgate.gateway.testsupport.PostgresServer;
import io.flowgate.gateway.testsupport.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link AnswersAcrossStopsContract} on PostgreSQL with the idempotency keys in Redis, as a cluster runs. */
class AnswersAcrossStopsOnPostgresIT extends AnswersAcrossStopsContract {

    private static PostgresServer postgres;
    private static RedisServer redis;

    @BeforeAll
    static void start() {
        redis = RedisServer.startNew();
        postgres = PostgresServer.startNew();
        prepare(postgres.startGateway(Map.of("flowgate.redis-url", redis.url())));
    }

    @AfterAll
    static void stop() {
        try {
            postgres.close();
        } finally {
            redis.close();
        }
    }

    @Override
    protected void forgetStoredAnswers() {
        assertThat(redis.command("FLUSHALL")).isEqualTo("+OK");
    }
}
