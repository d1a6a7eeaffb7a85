package io.flowgate.gateway;

import io.flowgate.gateway.GatewayServer.Reply;
import io.flowgate.gateway.testsupport.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One open refund per order across two gateway nodes on one PostgreSQL: refunds for the same order sent to both
 * nodes at once start one instance; every other answer is {@code 409 business-key-in-use} naming it, and the
 * decision, on either node, finds exactly that one.
 */
class UniqueBusinessKeyOnPostgresIT {

    private static PostgresServer postgres;
    private static GatewayServer clerkOnA;
    private static GatewayServer clerkOnB;
    private static GatewayServer managerOnB;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.startNew();
        List<GatewayServer> nodes = postgres.startNodes(2, Map.of());
        GatewayServer a = nodes.get(0);
        GatewayServer b = nodes.get(1);
        clerkOnA = a.as(a.createUser("pg-unique-clerk", Restaurant.BISTRO, "customer-service"));
        clerkOnB = b.as(a.login("pg-unique-clerk", GatewayServer.USER_PASSWORD));
        managerOnB = b.as(a.createUser("pg-unique-manager", Restaurant.BISTRO, "store-manager"));
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void refundsForOneOrderSentToBothNodesAtOnceStartOne() throws Exception {
        String order = "pg-" + UUID.randomUUID().toString().substring(0, 8);
        String refund = "{\"orderId\":\"" + order + "\",\"amount\":2}";
        int calls = 12;
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        CountDownLatch go = new CountDownLatch(1);
        List<Reply> replies = new ArrayList<>();
        try {
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                GatewayServer node = i % 2 == 0 ? clerkOnA : clerkOnB;
                futures.add(pool.submit(() -> {
                    go.await();
                    return node.postJson("/refunds", refund);
                }));
            }
            go.countDown();
            for (Future<Reply> future : futures) {
                replies.add(future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        List<Reply> started = replies.stream().filter(r -> r.status() == 201).toList();
        assertThat(started).as(replies.toString()).hasSize(1);
        String instanceId = started.get(0).json().path("instanceId").asText();
        assertThat(replies).filteredOn(r -> r.status() != 201).hasSize(calls - 1).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(409);
            assertThat(r.json().path("type").asText()).endsWith("/business-key-in-use");
        });
        // a refusal that raced the winner's commit names it once it has committed; none names another instance
        assertThat(replies).filteredOn(r -> r.status() == 409).extracting(r -> r.json().path("instanceId").asText())
                .isSubsetOf(instanceId, "");
        Reply again = clerkOnB.postJson("/refunds", refund);
        assertThat(again.json().path("instanceId").asText()).isEqualTo(instanceId);
        Reply decision = managerOnB.postJson("/refunds/" + order + "/decision", "{\"approved\":false}");
        assertThat(decision.status()).as(decision.toString()).isEqualTo(200);
        assertThat(decision.json().path("instanceId").asText()).isEqualTo(instanceId);
    }
}
