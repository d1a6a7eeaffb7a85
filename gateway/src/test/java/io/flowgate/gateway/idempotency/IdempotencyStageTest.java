package io.flowgate.gateway.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.contracts.Operation;
import io.flowgate.contracts.OperationPolicy;
import io.flowgate.contracts.validation.RequestInvalid;
import io.flowgate.contracts.validation.Violation;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.idempotency.internal.JdbcIdempotencyStore;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IdempotencyStageTest {

    private static final Caller ALICE = new Caller("alice", "acme", Set.of(), Map.of());
    private static final String BODY = "{\"orderId\":\"A-1\",\"amount\":12.5}";

    private final HikariDataSource dataSource = dataSource();
    private final JdbcIdempotencyStore store = new JdbcIdempotencyStore(dataSource, Duration.ofMinutes(2), null,
            Clock.systemUTC());
    private final IdempotencyStage stage = new IdempotencyStage(store, new ObjectMapper(), new IdempotencySettings());
    private final AtomicInteger runs = new AtomicInteger();

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void runsOnceAndReplaysTheAnswerByteForByteWithTheReplayedHeader() {
        String key = UUID.randomUUID().toString();

        HttpResponse<?> first = stage.execute(ALICE, operation(OperationPolicy.Idempotency.OPTIONAL),
                post(key, BODY), bytes(BODY), this::created);
        HttpResponse<?> again = stage.execute(ALICE, operation(OperationPolicy.Idempotency.OPTIONAL),
                post(key, BODY), bytes(BODY), this::created);

        assertThat(runs).hasValue(1);
        assertThat(again.code()).isEqualTo(201);
        assertThat((byte[]) again.body()).isEqualTo((byte[]) first.body())
                .isEqualTo(bytes("{\"refundId\":\"A-1\",\"state\":\"WAITING\"}"));
        assertThat(again.getHeaders().get("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.getHeaders().get("Idempotent-Replayed")).isNull();
        assertThat(again.getHeaders().get("Location")).isEqualTo("/instances/i-1");
        assertThat(again.getHeaders().get("Flowgate-Instance")).isEqualTo("i-1");
        assertThat(again.getContentType()).contains(MediaType.APPLICATION_JSON_TYPE);
    }

    @Test
    void treatsReorderedJsonMembersAsTheSameRequest() {
        String key = UUID.randomUUID().toString();
        String reordered = "{ \"amount\": 12.5, \"orderId\": \"A-1\" }";

        execute(key, BODY, this::created);
        HttpResponse<?> again = execute(key, reordered, this::created);

        assertThat(runs).hasValue(1);
        assertThat(again.getHeaders().get("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void answers422WhenTheKeyIsReusedForAnotherRequest() {
        String key = UUID.randomUUID().toString();
        execute(key, BODY, this::created);

        GatewayProblem reused = catchThrowableOfType(GatewayProblem.class,
                () -> execute(key, "{\"orderId\":\"A-2\",\"amount\":12.5}", this::created));

        assertThat(reused.problem()).extracting(Problem::status, Problem::code)
                .containsExactly(422, "idempotency-key-reused");
        assertThat(runs).hasValue(1);
    }

    @Test
    void answers409WhileTheFirstRequestIsStillRunning() throws Exception {
        String key = UUID.randomUUID().toString();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        var pool = Executors.newSingleThreadExecutor();
        try {
            Future<HttpResponse<?>> first = pool.submit(() -> execute(key, BODY, () -> {
                running.countDown();
                await(finish);
                return created();
            }));
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

            GatewayProblem busy = catchThrowableOfType(GatewayProblem.class,
                    () -> execute(key, BODY, this::created));
            finish.countDown();

            assertThat(busy.problem()).extracting(Problem::status, Problem::code)
                    .containsExactly(409, "idempotency-key-in-use");
            assertThat(busy.headers()).containsEntry("Retry-After", "1");
            assertThat(first.get(5, TimeUnit.SECONDS).code()).isEqualTo(201);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void releasesTheKeyWhenTheRequestFailsValidation() {
        String key = UUID.randomUUID().toString();
        RequestInvalid invalid = new RequestInvalid(List.of(new Violation("body", "/amount", "must be positive")));

        RequestInvalid thrown = catchThrowableOfType(RequestInvalid.class, () -> execute(key, BODY, () -> {
            throw invalid;
        }));
        HttpResponse<?> corrected = execute(key, "{\"orderId\":\"A-1\",\"amount\":1}", this::created);

        assertThat(thrown).isSameAs(invalid);
        assertThat(corrected.code()).isEqualTo(201);
        assertThat(corrected.getHeaders().get("Idempotent-Replayed")).isNull();
    }

    @Test
    void keepsAndReplaysAFailureOfAFlowThatRan() {
        String key = UUID.randomUUID().toString();
        Supplier<HttpResponse<?>> failing = () -> {
            runs.incrementAndGet();
            throw new GatewayProblem(Problem.of(502, "flow-failed", "Flow failed", "connector down")
                    .with("instanceId", "i-9"));
        };

        HttpResponse<?> first = execute(key, BODY, failing);
        HttpResponse<?> again = execute(key, BODY, failing);

        assertThat(runs).hasValue(1);
        assertThat(first.code()).isEqualTo(502);
        assertThat(again.code()).isEqualTo(502);
        assertThat((byte[]) again.body()).isEqualTo((byte[]) first.body());
        assertThat(new String((byte[]) again.body(), StandardCharsets.UTF_8)).contains("\"instanceId\":\"i-9\"");
        assertThat(again.getContentType().map(MediaType::toString)).contains(Problem.MEDIA_TYPE);
    }

    @Test
    void releasesTheKeyWhenTheRouteIsUnavailable() {
        String key = UUID.randomUUID().toString();
        Supplier<HttpResponse<?>> unavailable = () -> {
            throw new GatewayProblem(Problem.of(503, "route-unavailable", "Route unavailable", "broken"));
        };
        catchThrowableOfType(GatewayProblem.class, () -> execute(key, BODY, unavailable));

        assertThat(execute(key, BODY, this::created).code()).isEqualTo(201);
    }

    @Test
    void startsOneFlowForFiftyConcurrentRequestsWithOneKey() throws Exception {
        String key = UUID.randomUUID().toString();
        Supplier<HttpResponse<?>> slow = () -> {
            sleep(100);
            return created();
        };

        List<Integer> statuses = IdempotencyStoreContract.concurrently(50, () -> {
            try {
                return execute(key, BODY, slow).code();
            } catch (GatewayProblem e) {
                return e.problem().status();
            }
        });

        assertThat(runs).hasValue(1);
        assertThat(statuses).filteredOn(s -> s == 201).isNotEmpty();
        assertThat(statuses).allMatch(s -> s == 201 || s == 409);
    }

    @Test
    void requiresAKeyWhenTheOperationSaysSo() {
        GatewayProblem missing = catchThrowableOfType(GatewayProblem.class, () -> stage.execute(ALICE,
                operation(OperationPolicy.Idempotency.REQUIRED), post(null, BODY), bytes(BODY), this::created));

        assertThat(missing.problem()).extracting(Problem::status, Problem::code)
                .containsExactly(400, "idempotency-key-missing");
        assertThat(runs).hasValue(0);
    }

    @Test
    void refusesKeysThatAreTooLongOrNotPrintableAscii() {
        for (String bad : List.of("k".repeat(256), "clé", "tab\there", "\"\"")) {
            GatewayProblem invalid = catchThrowableOfType(GatewayProblem.class, () -> execute(bad, BODY,
                    this::created));
            assertThat(invalid.problem().code()).as(bad).isEqualTo("idempotency-key-invalid");
        }
        assertThat(execute("k".repeat(255), BODY, this::created).code()).isEqualTo(201);
    }

    @Test
    void acceptsTheKeyAsAStructuredFieldString() {
        execute("\"abc-123\"", BODY, this::created);

        assertThat(execute("abc-123", BODY, this::created).getHeaders().get("Idempotent-Replayed"))
                .isEqualTo("true");
    }

    @Test
    void keepsTheKeysOfTwoCallersApart() {
        String key = UUID.randomUUID().toString();
        Caller bob = new Caller("bob", "acme", Set.of(), Map.of());
        execute(key, BODY, this::created);

        stage.execute(bob, operation(OperationPolicy.Idempotency.OPTIONAL), post(key, BODY), bytes(BODY),
                this::created);

        assertThat(runs).hasValue(2);
    }

    @Test
    void leavesOtherMethodsAlone() {
        MutableHttpRequest<?> get = HttpRequest.GET("/refunds/A-1").header("Idempotency-Key", "k");

        stage.execute(ALICE, operation(OperationPolicy.Idempotency.REQUIRED), get, new byte[0], this::created);
        stage.execute(ALICE, operation(OperationPolicy.Idempotency.REQUIRED), get, new byte[0], this::created);

        assertThat(runs).hasValue(2);
    }

    private HttpResponse<?> execute(String key, String body, Supplier<HttpResponse<?>> next) {
        return stage.execute(ALICE, operation(OperationPolicy.Idempotency.OPTIONAL), post(key, body), bytes(body),
                next);
    }

    private HttpResponse<?> created() {
        runs.incrementAndGet();
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("refundId", "A-1");
        body.put("state", "WAITING");
        return HttpResponse.created(body)
                .header("Location", "/instances/i-1")
                .header("Flowgate-Instance", "i-1")
                .header("Flowgate-Instance-State", "WAITING")
                .header("X-Not-Kept", "x");
    }

    private static MutableHttpRequest<?> post(String key, String body) {
        MutableHttpRequest<String> request = HttpRequest.POST("/refunds", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE);
        return key == null ? request : request.header("Idempotency-Key", key);
    }

    private static Operation operation(OperationPolicy.Idempotency idempotency) {
        return new Operation("restaurant-orders", "POST", "/refunds", "createRefund", null, Optional.empty(), null,
                null, new OperationPolicy(Set.of(), false, Optional.empty(), idempotency));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
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
