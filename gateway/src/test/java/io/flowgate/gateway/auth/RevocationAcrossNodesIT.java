package io.flowgate.gateway.auth;

import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.GatewayServer.Reply;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import static io.flowgate.gateway.GatewayServer.USER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway nodes on one PostgreSQL: a token revoked on node A — logout, revoke-tokens, a user deleted, disabled
 * or demoted — is refused by node B within about a second, although B had just accepted it (and remembers it as
 * verified, with its user's token generation cached).
 */
class RevocationAcrossNodesIT {

    /** The promise is "within a second"; the margin covers a loaded test machine, not a slower design. */
    private static final Duration WITHIN = Duration.ofMillis(1_500);
    private static final Duration GIVE_UP = Duration.ofSeconds(10);
    private static EmbeddedPostgres postgres;
    private static GatewayServer a;
    private static GatewayServer b;

    @BeforeAll
    static void start() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("CREATE DATABASE revocation");
        }
        Map<String, Object> shared = new HashMap<>(Map.of("flowgate.db-url",
                postgres.getJdbcUrl("postgres", "revocation"), "flowgate.db-user", "postgres",
                "flowgate.db-password", "", "flowgate.example", false));
        a = GatewayServer.start(shared);
        b = GatewayServer.start(shared);
    }

    @AfterAll
    static void stop() throws IOException {
        b.close();
        a.close();
        postgres.close();
    }

    @Test
    void aLogoutOnOneNodeIsHonouredByTheOther() {
        String token = a.createUser("logs-out", "bistro", "clerk");
        assertAccepted(b.as(token));

        assertThat(a.as(token).postJson("/auth/logout", "").status()).isEqualTo(204);

        assertThat(a.as(token).get("/api/tasks").status()).as("at once where it was made").isEqualTo(401);
        assertRefusedWithin(b.as(token));
    }

    @Test
    void revokeTokensOnOneNodeIsHonouredByTheOther() {
        String token = a.createUser("revoked", "bistro", "clerk");
        assertAccepted(b.as(token));

        assertThat(a.postJson("/admin/users/revoked/revoke-tokens", "").status()).isEqualTo(204);

        assertRefusedWithin(b.as(token));
    }

    @Test
    void aUserDeletedOnOneNodeLosesItsTokensOnTheOther() {
        String token = a.createUser("deleted", null, "admin");
        assertThat(b.as(token).get("/admin/users").status()).isEqualTo(200);

        assertThat(a.delete("/admin/users/deleted").status()).isEqualTo(204);

        assertRefusedWithin(b.as(token));
        Reply created = b.as(token).postJson("/admin/users", "{\"username\":\"intruder\",\"password\":\""
                + USER_PASSWORD + "\",\"roles\":[\"admin\"]}");
        assertThat(created.status()).isEqualTo(401);
    }

    @Test
    void aUserDisabledOrDemotedOnOneNodeLosesItsTokensOnTheOther() {
        String disabled = a.createUser("disabled", "bistro", "clerk");
        String demoted = a.createUser("demoted", "bistro", "admin");
        assertAccepted(b.as(disabled));
        assertThat(b.as(demoted).get("/admin/users").status()).isEqualTo(200);

        assertThat(put(a, "/admin/users/disabled", "{\"disabled\":true}").status()).isEqualTo(200);
        assertThat(put(a, "/admin/users/demoted", "{\"roles\":[\"clerk\"]}").status()).isEqualTo(200);

        assertRefusedWithin(b.as(disabled));
        assertRefusedWithin(b.as(demoted));
    }

    @Test
    void aUserCreatedAgainOnOneNodeCanUseItsNewTokensOnTheOther() {
        // B learns that no such user exists (it is cached), then the user is created on A
        GatewayServer reborn = b.as(a.createUser("reborn", "bistro", "clerk"));
        assertThat(a.delete("/admin/users/reborn").status()).isEqualTo(204);
        assertRefusedWithin(reborn);

        String token = a.createUser("reborn", "bistro", "clerk");

        Reply accepted = eventually(() -> b.as(token).get("/api/tasks"), 200);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    }

    private static void assertAccepted(GatewayServer node) {
        for (int i = 0; i < 3; i++) {
            assertThat(node.get("/api/tasks").status()).isEqualTo(200);
        }
    }

    /** Polls until the node refuses the token, then checks it took no longer than {@link #WITHIN}. */
    private static void assertRefusedWithin(GatewayServer node) {
        long start = System.nanoTime();
        Reply reply = eventually(() -> node.get("/api/tasks"), 401);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.json().path("detail").asText()).contains("revoked");
        assertThat(took).as("refused after %s ms", took.toMillis()).isLessThanOrEqualTo(WITHIN);
    }

    private static Reply eventually(Supplier<Reply> call, int status) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        Reply reply = call.get();
        while (reply.status() != status && System.nanoTime() < deadline) {
            sleep();
            reply = call.get();
        }
        return reply;
    }

    private static void sleep() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Reply put(GatewayServer node, String path, String json) {
        return node.send(HttpRequest.newBuilder(node.uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }
}
