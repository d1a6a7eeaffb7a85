package io.flowgate.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code x-flow-business-key-unique} on the restaurant contract: one open refund per order and one open transfer per
 * transferId, per tenant. A second request answers {@code 409 business-key-in-use} linking the open one, so the
 * decision, which finds the refund by its order id, always finds exactly one.
 */
class UniqueBusinessKeyIT {

    private static final String PROBLEM = "https://flowgate.io/problems/business-key-in-use";

    private static GatewayServer gateway;
    private static GatewayServer clerk;
    private static GatewayServer manager;
    private static GatewayServer dinerClerk;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start();
        clerk = gateway.as(gateway.createUser("unique-clerk", Restaurant.BISTRO, "customer-service"));
        manager = gateway.as(gateway.createUser("unique-manager", Restaurant.BISTRO, "store-manager"));
        dinerClerk = gateway.as(gateway.createUser("unique-diner-clerk", Restaurant.DINER, "customer-service"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void aSecondRefundForAnOrderIsRefusedWithALinkToTheOpenOne() {
        String order = order();
        Reply first = clerk.postJson("/refunds", refund(order));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);

        Reply second = clerk.postJson("/refunds", refund(order));

        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = second.json();
        assertThat(problem.path("type").asText()).isEqualTo(PROBLEM);
        assertThat(problem.path("businessKey").asText()).isEqualTo(order);
        assertThat(problem.path("flow").asText()).isEqualTo("refund-approval");
        String open = first.json().path("instanceId").asText();
        assertThat(problem.path("instanceId").asText()).isEqualTo(open);
        assertThat(problem.path("status").asInt()).as("the problem's own status is the HTTP status").isEqualTo(409);
        assertThat(problem.path("instanceStatus").asText()).isEqualTo("/instances/" + open);
        Reply status = clerk.get(problem.path("instanceStatus").asText());
        assertThat(status.status()).as(status.toString()).isEqualTo(200);
        assertThat(status.json().path("state").asText()).isEqualTo("WAITING");
        assertThat(runningRefunds(order)).as("no second instance").isEqualTo(1);
    }

    @Test
    void theDecisionFindsTheOneOpenRefundAndAfterItTheOrderMayBeRefundedAgain() {
        String order = order();
        assertThat(clerk.postJson("/refunds", refund(order)).status()).isEqualTo(201);
        assertThat(clerk.postJson("/refunds", refund(order)).status()).isEqualTo(409);

        Reply decision = manager.postJson("/refunds/" + order + "/decision", "{\"approved\":false}");
        Reply again = clerk.postJson("/refunds", refund(order));

        assertThat(decision.status()).as("never stuck on ambiguity: " + decision).isEqualTo(200);
        assertThat(again.status()).as("the refund was decided; a new one may be asked: " + again).isEqualTo(201);
    }

    @Test
    void aDuplicateTransferIdIsRefused() {
        String transferId = "tr-" + UUID.randomUUID().toString().substring(0, 8);
        String transfer = "{\"transferId\":\"" + transferId + "\",\"from\":\"downtown\",\"to\":\"uptown\","
                + "\"sku\":\"soda\",\"qty\":1}";
        Reply first = clerk.postJson("/stock-transfers", transfer);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);

        Reply duplicate = clerk.postJson("/stock-transfers", transfer.replace("\"qty\":1", "\"qty\":2"));

        assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(409);
        assertThat(duplicate.json().path("type").asText()).isEqualTo(PROBLEM);
        assertThat(duplicate.json().path("instanceId").asText()).isEqualTo(first.json().path("instanceId").asText());
        assertThat(manager.postJson("/stock-transfers/" + transferId + "/decision", "{\"approved\":false}").status())
                .isEqualTo(200);
    }

    @Test
    void anotherTenantsOpenRefundWithTheSameOrderIdNeitherBlocksNorIsLinked() {
        String order = order();
        Reply bistro = clerk.postJson("/refunds", refund(order));
        assertThat(bistro.status()).as(bistro.toString()).isEqualTo(201);

        Reply diner = dinerClerk.postJson("/refunds", refund(order));
        Reply dinerAgain = dinerClerk.postJson("/refunds", refund(order));

        assertThat(diner.status()).as(diner.toString()).isEqualTo(201);
        assertThat(dinerAgain.status()).isEqualTo(409);
        assertThat(dinerAgain.json().path("instanceId").asText()).isEqualTo(diner.json().path("instanceId").asText())
                .isNotEqualTo(bistro.json().path("instanceId").asText());
        assertThat(dinerAgain.body()).doesNotContain(bistro.json().path("instanceId").asText());
    }

    @Test
    void ofConcurrentRefundsForOneOrderExactlyOneStarts() throws Exception {
        String order = order();
        List<Reply> replies = concurrently(12, () -> clerk.postJson("/refunds", refund(order)));

        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(replies).filteredOn(r -> r.status() == 409).hasSize(11)
                .allSatisfy(r -> assertThat(r.json().path("type").asText()).isEqualTo(PROBLEM));
        assertThat(runningRefunds(order)).isEqualTo(1);
        assertThat(manager.postJson("/refunds/" + order + "/decision", "{\"approved\":true}").status())
                .isEqualTo(200);
    }

    /**
     * Keys shared before the contract declared them unique: the decision answers 409 naming the instances, an
     * operator cancels the extra one, and from then on one refund per order holds.
     */
    @Test
    void refundsDuplicatedBeforeUniquenessAreNamedAndCanBeResolved() {
        String contract = GatewayServer.resource("/examples/restaurant/restaurant-orders.yaml");
        String order = order();
        try {
            assertThat(gateway.post("/admin/contracts", "application/yaml",
                    contract.replace("x-flow-business-key-unique: true", "x-flow-business-key-unique: false"))
                    .status()).isEqualTo(201);
            String one = clerk.postJson("/refunds", refund(order)).json().path("instanceId").asText();
            String two = clerk.postJson("/refunds", refund(order)).json().path("instanceId").asText();
            assertThat(gateway.post("/admin/contracts", "application/yaml", contract).status()).isEqualTo(201);

            Reply third = clerk.postJson("/refunds", refund(order));
            Reply ambiguous = manager.postJson("/refunds/" + order + "/decision", "{\"approved\":true}");

            assertThat(third.status()).as("a shared key is not shared further: " + third).isEqualTo(409);
            assertThat(third.json().path("instanceId").asText()).isIn(one, two);
            assertThat(ambiguous.status()).isEqualTo(409);
            assertThat(ambiguous.json().path("type").asText()).endsWith("/ambiguous-match");
            assertThat(ambiguous.json().path("instances").findValuesAsText("instanceId"))
                    .containsExactlyInAnyOrder(one, two);
            assertThat(ambiguous.json().path("instances").findValuesAsText("status"))
                    .containsExactlyInAnyOrder("/instances/" + one, "/instances/" + two);

            assertThat(gateway.postJson("/admin/instances/" + two + "/cancel", "{\"reason\":\"asked twice\"}")
                    .status()).isIn(200, 204);
            Reply decided = manager.postJson("/refunds/" + order + "/decision", "{\"approved\":true}");
            assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
            assertThat(decided.json().path("instanceId").asText()).isEqualTo(one);
        } finally {
            gateway.post("/admin/contracts", "application/yaml", contract);
        }
    }

    private static long runningRefunds(String order) {
        JsonNode page = gateway.get("/admin/instances?flow=refund-approval&businessKey=" + order).json();
        List<String> states = page.path("items").findValuesAsText("state");
        return states.stream().filter(state -> !state.equals("COMPLETED") && !state.equals("CANCELLED")).count();
    }

    private static List<Reply> concurrently(int calls, Callable<Reply> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> future : futures) {
                replies.add(future.get(60, TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String order() {
        return "ord-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String refund(String order) {
        return "{\"orderId\":\"" + order + "\",\"amount\":2}";
    }
}
