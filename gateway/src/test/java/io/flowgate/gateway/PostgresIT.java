package io.flowgate.gateway;

import io.flowgate.gateway.GatewayServer.Reply;
import io.flowgate.gateway.events.internal.OutboxRetention;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster's database: every module's tables (engine, contracts, users, grants, idempotency keys) on a real
 * PostgreSQL, across a restart and shared by two gateway nodes.
 */
class PostgresIT {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    private static Map<String, Object> database(String name) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE DATABASE " + name);
        }
        return Map.of("flowgate.db-url", postgres.getJdbcUrl("postgres", name), "flowgate.db-user", "postgres",
                "flowgate.db-password", "");
    }

    @Test
    void runsEveryFeatureOnPostgresAndKeepsItAcrossARestart() throws Exception {
        try (GatewayServer gateway = GatewayServer.start(database("restart_check"))) {
            assertThat(gateway.deployFlow("greeting.bpmn").status()).isEqualTo(201);
            assertThat(gateway.publishContract("guarded-shop.yaml").status()).isEqualTo(201);
            GatewayServer clerk = gateway.as(gateway.createUser("clerk", "downtown", "customer-service"));
            String key = UUID.randomUUID().toString();
            Reply first = greet(gateway, key);
            Reply replay = greet(gateway, key);
            Reply refund = clerk.postJson("/refunds", "{\"orderId\":\"pg-1\",\"amount\":4}");
            Reply grants = gateway.send(HttpRequest.newBuilder(URI.create(base(gateway) + "/admin/policies"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(
                            "{\"grants\":[{\"subject\":\"clerk\",\"role\":\"store-manager\",\"domain\":\"uptown\"}]}")));

            assertThat(first.status()).as(first.toString()).isEqualTo(200);
            assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(refund.status()).as(refund.toString()).isEqualTo(201);
            assertThat(grants.status()).as(grants.toString()).isEqualTo(200);

            gateway.restart();

            String instanceId = refund.json().path("instanceId").asText();
            assertThat(gateway.get("/admin/contracts/guarded-shop").status()).isEqualTo(200);
            assertThat(gateway.get("/instances/" + instanceId).json().path("state").asText()).isEqualTo("WAITING");
            assertThat(gateway.get("/admin/policies").json().path("grants").toString()).contains("uptown");
            assertThat(greet(gateway, key).body()).isEqualTo(first.body());
            GatewayServer manager = gateway.as(gateway.createUser("manager", "downtown", "store-manager"));
            Reply decision = manager.postJson("/refunds/pg-1/decision", "{\"approved\":true}");
            assertThat(decision.status()).as(decision.toString()).isEqualTo(200);
            assertThat(decision.json().path("status").asText()).isEqualTo("APPROVED");
        }
    }

    @Test
    void oldOutboxEventsAreDeletedInBatchesOnPostgresToo() throws Exception {
        try (GatewayServer gateway = GatewayServer.start(database("outbox_retention"))) {
            assertThat(gateway.deployFlow("greeting.bpmn").status()).isEqualTo(201);
            DataSource dataSource = gateway.context().getBean(DataSource.class);
            // eight days from now, with a week's retention: every event written so far is past it
            Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(8));
            long cutoff = later.millis() - Duration.ofDays(7).toMillis();

            long deleted = new OutboxRetention(dataSource, Duration.ofDays(7), 2, later).purge();

            assertThat(deleted).isPositive();
            try (Connection c = dataSource.getConnection();
                 PreparedStatement old = c.prepareStatement("SELECT COUNT(*) FROM outbox_events WHERE event_time < ?")) {
                old.setLong(1, cutoff);
                try (ResultSet rs = old.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).isZero();
                }
            }
        }
    }

    @Test
    void twoNodesOnOneDatabaseShareInstancesUsersAndTokens() throws Exception {
        Map<String, Object> shared = database("two_nodes");
        try (GatewayServer first = GatewayServer.start(shared); GatewayServer second = GatewayServer.start(shared)) {
            String clerkToken = first.createUser("clerk", "downtown", "customer-service");
            Reply refund = first.as(clerkToken).postJson("/refunds", "{\"orderId\":\"pg-2\",\"amount\":4}");
            assertThat(refund.status()).as(refund.toString()).isEqualTo(201);

            // a token issued by one node is accepted by the other: the signing secret lives in the database
            Reply status = second.as(clerkToken).get("/instances/" + refund.json().path("instanceId").asText());
            String managerToken = second.createUser("manager", "downtown", "store-manager");
            Reply decision = second.as(managerToken).postJson("/refunds/pg-2/decision", "{\"approved\":false}");

            assertThat(status.status()).as(status.toString()).isEqualTo(200);
            assertThat(status.json().path("state").asText()).isEqualTo("WAITING");
            assertThat(decision.status()).as(decision.toString()).isEqualTo(200);
            assertThat(decision.json().path("status").asText()).isEqualTo("REJECTED");
        }
    }

    private static Reply greet(GatewayServer gateway, String key) {
        return gateway.send(HttpRequest.newBuilder(URI.create(base(gateway) + "/guarded-greetings"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"pg-" + key + "\"}")));
    }

    private static String base(GatewayServer gateway) {
        return "http://localhost:" + gateway.context().getBean(io.micronaut.runtime.server.EmbeddedServer.class)
                .getPort();
    }
}
