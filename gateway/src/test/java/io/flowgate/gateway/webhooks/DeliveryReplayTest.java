package io.flowgate.gateway.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.contracts.Operation;
import io.flowgate.contracts.OperationPolicy;
import io.flowgate.gateway.idempotency.internal.JdbcIdempotencyStore;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.Problem;
import io.flowgate.gateway.webhooks.internal.DeliveryReplay;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each delivery id runs once; its first answer is kept in the idempotency store (here the database). */
class DeliveryReplayTest {

    private static final Operation HOOK = operation("/hooks/payments");
    private static final String ANSWER = "{\"instanceId\":\"i-1\",\"state\":\"STARTING\"}";

    private final HikariDataSource dataSource = dataSource();
    private final JdbcIdempotencyStore store = new JdbcIdempotencyStore(dataSource, Duration.ofMinutes(2), null,
            Clock.systemUTC());
    private final DeliveryReplay replay = new DeliveryReplay(store, new ObjectMapper(), Duration.ofHours(24));
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicInteger replays = new AtomicInteger();

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void answersARepeatedDelivery200WithTheFirstBodyAndRunsNothing() {
        String id = UUID.randomUUID().toString();

        HttpResponse<?> first = replay.once(HOOK, null, id, request(), this::accepted, replays::incrementAndGet);
        HttpResponse<?> again = replay.once(HOOK, null, id, request(), this::accepted, replays::incrementAndGet);

        assertThat(runs).hasValue(1);
        assertThat(replays).hasValue(1);
        assertThat(first.code()).isEqualTo(202);
        assertThat(first.getHeaders().get("Webhook-Replayed")).isNull();
        assertThat(again.code()).isEqualTo(200);
        assertThat(again.getHeaders().get("Webhook-Replayed")).isEqualTo("true");
        assertThat(again.getHeaders().get("Flowgate-Instance")).isEqualTo("i-1");
        assertThat(new String((byte[]) again.body(), StandardCharsets.UTF_8)).isEqualTo(ANSWER);
    }

    @Test
    void theSameIdSentToAnotherOperationIsAnotherDelivery() {
        String id = UUID.randomUUID().toString();

        replay.once(HOOK, null, id, request(), this::accepted, replays::incrementAndGet);
        replay.once(operation("/hooks/refunds"), null, id, request(), this::accepted, replays::incrementAndGet);

        assertThat(runs).hasValue(2);
    }

    @Test
    void theSameIdSentByTwoTenantsIsTwoDeliveriesAndEachIsReplayedOnlyToItsTenant() {
        String id = UUID.randomUUID().toString();

        replay.once(HOOK, "bistro", id, request(), this::accepted, replays::incrementAndGet);
        replay.once(HOOK, "diner", id, request(), this::accepted, replays::incrementAndGet);
        replay.once(HOOK, null, id, request(), this::accepted, replays::incrementAndGet);
        HttpResponse<?> again = replay.once(HOOK, "diner", id, request(), this::accepted, replays::incrementAndGet);

        assertThat(runs).hasValue(3);
        assertThat(replays).hasValue(1);
        assertThat(again.code()).isEqualTo(200);
    }

    @Test
    void concurrentDuplicatesRunOnceAndTheOthersAreToldToRetry() throws Exception {
        String id = UUID.randomUUID().toString();
        int senders = 8;
        CountDownLatch othersDone = new CountDownLatch(senders - 1);
        Supplier<HttpResponse<?>> slow = () -> {
            await(othersDone); // hold the first delivery until every duplicate has been answered
            return accepted();
        };
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            answers.add(pool.submit(() -> {
                try {
                    return replay.once(HOOK, null, id, request(), slow, replays::incrementAndGet).code();
                } catch (GatewayProblem problem) {
                    othersDone.countDown();
                    return problem.problem().status();
                }
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(10, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(runs).hasValue(1);
        assertThat(statuses).containsOnlyOnce(202).filteredOn(s -> s != 202).containsOnly(409)
                .hasSize(senders - 1);
        assertThat(replay.once(HOOK, null, id, request(), this::accepted, replays::incrementAndGet).code())
                .isEqualTo(200);
    }

    @Test
    void forgetsTheIdWhenNothingRanSoTheSendersRetryIsHandledAfresh() {
        String id = UUID.randomUUID().toString();
        GatewayProblem noInstance = new GatewayProblem(Problem.of(404, "no-matching-instance", "Not Found",
                "no instance waits"));

        GatewayProblem refused = catchThrowableOfType(GatewayProblem.class, () -> replay.once(HOOK, null, id,
                request(), () -> {
                    runs.incrementAndGet();
                    throw noInstance;
                }, replays::incrementAndGet));
        HttpResponse<?> retry = replay.once(HOOK, null, id, request(), this::accepted, replays::incrementAndGet);

        assertThat(refused).isSameAs(noInstance);
        assertThat(runs).hasValue(2);
        assertThat(retry.code()).isEqualTo(202);
    }

    @Test
    void keepsAFailureAfterTheFlowStartedAndReplaysItsBody() {
        String id = UUID.randomUUID().toString();
        Supplier<HttpResponse<?>> failing = () -> {
            runs.incrementAndGet();
            throw new GatewayProblem(Problem.of(502, "flow-failed", "Flow failed", "boom").with("instanceId", "i-9"));
        };

        HttpResponse<?> first = replay.once(HOOK, null, id, request(), failing, replays::incrementAndGet);
        HttpResponse<?> again = replay.once(HOOK, null, id, request(), failing, replays::incrementAndGet);

        assertThat(runs).hasValue(1);
        assertThat(first.code()).isEqualTo(502);
        assertThat(again.code()).isEqualTo(200);
        assertThat(new String((byte[]) again.body(), StandardCharsets.UTF_8)).contains("\"instanceId\":\"i-9\"");
    }

    private HttpResponse<?> accepted() {
        runs.incrementAndGet();
        return HttpResponse.status(HttpStatus.ACCEPTED).body(ANSWER.getBytes(StandardCharsets.UTF_8))
                .contentType("application/json").header("Flowgate-Instance", "i-1");
    }

    private static HttpRequest<?> request() {
        return HttpRequest.POST("/hooks/payments", "{}");
    }

    private static Operation operation(String path) {
        return new Operation("hooks", "POST", path, null, null, Optional.empty(), null, null,
                new OperationPolicy(Set.of(), false, Optional.empty(), OperationPolicy.Idempotency.OPTIONAL));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HikariDataSource dataSource() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
    }
}
