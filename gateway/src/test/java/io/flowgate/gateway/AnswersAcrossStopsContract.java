package io.flowgate.gateway;

import io.flowgate.gateway.GatewayServer.Reply;
import io.flowgate.gateway.pipeline.RequestDrain;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request with an Idempotency-Key whose order committed is never run again — not after its node lost the stored
 * answer (a crash between the commit and storing it, a reservation that expired), not after a stop with the request
 * in flight — and a stop lets the requests in flight finish and store their answers before the pools close. Run on
 * H2 ({@link AnswersAcrossStopsIT}) and on PostgreSQL with Redis ({@link AnswersAcrossStopsOnPostgresIT}).
 */
abstract class AnswersAcrossStopsContract {

    /** The gateway under test, with slow-job.bpmn deployed and slow-orders.yaml published. */
    protected static GatewayServer gateway;

    protected static void prepare(GatewayServer started) {
        gateway = started;
        assertThat(gateway.deployFlow("slow-job.bpmn").status()).isEqualTo(201);
        assertThat(gateway.publishContract("slow-orders.yaml").status()).isEqualTo(201);
    }

    /** Every stored answer and reservation is gone, as after a crash before the answer was stored. */
    protected abstract void forgetStoredAnswers();

    /** Deletes the stored answers from the database store (H2, or PostgreSQL without Redis). */
    protected static void deleteStoredAnswersFromDatabase() {
        try (Connection c = gateway.context().getBean(DataSource.class).getConnection();
             Statement delete = c.createStatement()) {
            delete.executeUpdate("DELETE FROM idempotency_keys");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Reply order(String key, String orderId, int millis) {
        return gateway.send(HttpRequest.newBuilder(gateway.uri("/slow-orders"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"orderId\":\"" + orderId + "\",\"millis\":" + millis + "}")));
    }

    private static int orders(String orderId) {
        return gateway.get("/admin/instances?flow=slow-job&businessKey=" + orderId).json().path("total").asInt();
    }

    @Test
    void aRetryWhoseAnswerWasNeverStoredGetsTheFirstOrderNotASecond() {
        String orderId = "lost-answer-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Reply first = order(key, orderId, 0);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);

        // the crash window: the order committed, its answer is not stored; a fresh node on the same data
        gateway.restart();
        forgetStoredAnswers();
        Reply retry = order(key, orderId, 0);

        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.json().path("instanceId").asText()).isEqualTo(first.json().path("instanceId").asText());
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(orders(orderId)).as("orders for one key").isEqualTo(1);
        // the answer derived from the order is stored now: the next retry is a plain replay
        Reply again = order(key, orderId, 0);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json()).isEqualTo(first.json());
    }

    @Test
    void anotherRequestWithTheSameKeyAfterTheAnswerWasLostIsNotTakenForTheFirst() {
        String key = UUID.randomUUID().toString();
        String firstOrder = "first-" + UUID.randomUUID();
        assertThat(order(key, firstOrder, 0).status()).isEqualTo(201);
        forgetStoredAnswers();

        String otherOrder = "other-" + UUID.randomUUID();
        Reply other = order(key, otherOrder, 0);

        assertThat(other.status()).as(other.toString()).isEqualTo(201);
        assertThat(other.json().path("orderId").asText()).isEqualTo(otherOrder);
        assertThat(orders(firstOrder)).isEqualTo(1);
        assertThat(orders(otherOrder)).isEqualTo(1);
    }

    @Test
    void aStopLetsTheRequestsInFlightFinishAndStoreTheirAnswers() throws Exception {
        int inFlight = 4;
        List<String> keys = new ArrayList<>();
        List<String> orderIds = new ArrayList<>();
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < inFlight; i++) {
            String key = UUID.randomUUID().toString();
            String orderId = "in-flight-" + i + "-" + UUID.randomUUID();
            keys.add(key);
            orderIds.add(orderId);
            replies.add(CompletableFuture.supplyAsync(() -> order(key, orderId, 2_000)));
        }
        RequestDrain drain = gateway.context().getBean(RequestDrain.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (drain.inFlight() < inFlight && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(drain.inFlight()).as("requests in flight before the stop").isEqualTo(inFlight);

        gateway.restart(); // stops the node (as SIGTERM does) with the requests in flight, then starts a new one

        for (int i = 0; i < inFlight; i++) {
            Reply answered = replies.get(i).get(60, TimeUnit.SECONDS);
            assertThat(answered.status()).as(answered.toString()).isEqualTo(201);
            Reply retry = order(keys.get(i), orderIds.get(i), 2_000);
            assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
            assertThat(retry.header("Idempotent-Replayed")).as("the answer was stored before the stop").isEqualTo("true");
            assertThat(retry.json()).isEqualTo(answered.json());
            assertThat(orders(orderIds.get(i))).isEqualTo(1);
        }
    }
}
