package io.flowgate.gateway;

import io.flowgate.gateway.GatewayServer.Reply;
import io.flowgate.gateway.testsupport.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway nodes share one real redis-server: the rate limit and idempotency keys hold across both, exactly.
 * (Each node here has its own H2 database; in production they would share PostgreSQL too.)
 */
class TwoNodesOnRedisIT {

    private static RedisServer redis;
    private static final List<GatewayServer> NODES = new ArrayList<>();

    @BeforeAll
    static void start() {
        redis = RedisServer.startNew();
        for (int i = 0; i < 2; i++) {
            GatewayServer node = GatewayServer.start(Map.of("flowgate.redis-url", redis.url()));
            assertThat(node.deployFlow("greeting.bpmn").status()).isEqualTo(201);
            assertThat(node.publishContract("guarded-shop.yaml").status()).isEqualTo(201);
            NODES.add(node);
        }
    }

    @AfterAll
    static void stop() {
        NODES.forEach(GatewayServer::close);
        redis.close();
    }

    @Test
    void theLimitHoldsAcrossNodes() throws Exception {
        // x-rate-limit: 10 per 1s per ip; GCRA allows a burst of 10, then one call every 100 ms
        AtomicInteger allowed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(64);
        long start = System.nanoTime();
        long end = start + 3_000_000_000L;
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 64; t++) {
            GatewayServer node = NODES.get(t % 2);
            running.add(callers.submit(() -> {
                while (System.nanoTime() < end) {
                    int status = node.get("/shared-limit").status();
                    (status == 429 ? refused : allowed).incrementAndGet();
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        callers.shutdown();
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(refused.get()).isPositive();
        assertThat(allowed.get()).as("allowed over %d ms", elapsedMs).isLessThanOrEqualTo(10 + (int) (elapsedMs / 100) + 1);
        assertThat(allowed.get()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void fiftyRequestsWithOneKeySpreadOverBothNodesStartOneInstance() throws Exception {
        String name = "cluster-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            GatewayServer node = NODES.get(i % 2);
            replies.add(pool.submit(() -> node.send(HttpRequest.newBuilder(URI.create(base(node)
                            + "/guarded-greetings")).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")))));
        }
        for (Future<Reply> reply : replies) {
            assertThat(reply.get().status()).isIn(200, 409);
        }
        pool.shutdown();

        int instances = 0;
        for (GatewayServer node : NODES) {
            instances += node.get("/admin/instances?flow=greeting&businessKey=" + name).json().path("total").asInt();
        }
        assertThat(instances).isEqualTo(1);
    }

    private static String base(GatewayServer node) {
        return "http://localhost:" + node.context().getBean(io.micronaut.runtime.server.EmbeddedServer.class)
                .getPort();
    }
}
