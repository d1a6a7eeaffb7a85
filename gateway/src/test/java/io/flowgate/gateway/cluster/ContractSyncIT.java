package io.flowgate.gateway.cluster;

import io.flowgate.connectors.events.Outbox;
import io.flowgate.connectors.events.OutboxEvent;
import io.flowgate.connectors.events.StoredEvent;
import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.GatewayServer.Reply;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway nodes on one PostgreSQL: what is published, deleted or deployed on one is served by the other within
 * seconds, without a restart, through the outbox rows the change wrote.
 */
class ContractSyncIT {

    private static final Duration WITHIN = Duration.ofSeconds(15);
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void theOtherNodeFollowsDeploysPublishesAndDeletes() throws Exception {
        Path contracts = Files.createTempDirectory("flowgate-contracts");
        // bound to a flow nobody deployed yet: both nodes start anyway and answer 503 on it
        Files.writeString(contracts.resolve("waiting.yaml"), contract("Waiting Greetings", "/waiting-greetings"));
        Map<String, Object> shared = new HashMap<>(database("contract_sync"));
        shared.put("flowgate.contracts-dir", contracts.toString());
        shared.put("flowgate.start-anyway", true);
        shared.put("flowgate.cluster.sync-interval", "200ms");
        try (GatewayServer a = GatewayServer.start(shared); GatewayServer b = GatewayServer.start(shared)) {
            assertThat(greet(b, "/waiting-greetings").status()).isEqualTo(503);

            assertThat(a.deployFlow("greeting.bpmn").status()).isEqualTo(201);
            eventually(() -> greet(b, "/waiting-greetings"), 200);

            Reply published = a.post("/admin/contracts", "application/yaml", contract("Late Greetings",
                    "/late-greetings"));
            assertThat(published.status()).as(published.toString()).isEqualTo(201);
            eventually(() -> greet(b, "/late-greetings"), 200);
            assertThat(b.get("/admin/contracts/late-greetings").json().path("version").asInt()).isEqualTo(1);

            assertThat(a.delete("/admin/contracts/late-greetings").status()).isEqualTo(204);
            eventually(() -> greet(b, "/late-greetings"), 404);
            assertThat(b.get("/admin/contracts/late-greetings").status()).isEqualTo(404);

            assertThat(contractEvents(a, "late-greetings")).extracting(OutboxEvent::type)
                    .containsExactly("contract.published", "contract.deleted");
            assertThat(contractEvents(a, "late-greetings")).allSatisfy(event -> assertThat(event.tenant()).isNull());
            assertThat(contractEvents(a, "late-greetings").get(0).data()).containsEntry("version", 1)
                    .containsEntry("operations", 1).containsKey("sha256");
        }
    }

    @Test
    void aRefusedPublishWritesNoEvent() throws Exception {
        try (GatewayServer node = GatewayServer.start(database("refused_publish"))) {
            Reply refused = node.post("/admin/contracts", "application/yaml",
                    contract("Nowhere Greetings", "/nowhere-greetings")
                            .replace("x-flow-id: greeting", "x-flow-id: no-such-flow"));

            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(contractEvents(node, "nowhere-greetings")).isEmpty();
        }
    }

    private static String contract(String title, String path) {
        return """
                openapi: 3.0.3
                info:
                  title: %s
                  version: 1.0.0
                paths:
                  %s:
                    post:
                      operationId: greet
                      x-flow-id: greeting
                      requestBody:
                        required: true
                        content:
                          application/json:
                            schema:
                              type: object
                              properties:
                                name:
                                  type: string
                      responses:
                        '200':
                          description: greeted
                """.formatted(title, path);
    }

    private static Reply greet(GatewayServer node, String path) {
        return node.postJson(path, "{\"name\":\"Ada\"}");
    }

    private static void eventually(Supplier<Reply> call, int status) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        Reply reply = call.get();
        while (reply.status() != status && System.nanoTime() < deadline) {
            Thread.sleep(100);
            reply = call.get();
        }
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    }

    private static List<OutboxEvent> contractEvents(GatewayServer node, String name) {
        return node.context().getBean(Outbox.class).after(0, 10_000, ContractSync.TYPES).stream()
                .map(StoredEvent::event).filter(event -> event.subject().equals(name)).toList();
    }

    private static Map<String, Object> database(String name) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE DATABASE " + name);
        }
        return Map.of("flowgate.db-url", postgres.getJdbcUrl("postgres", name), "flowgate.db-user", "postgres",
                "flowgate.db-password", "");
    }
}
