package io.flowgate.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import static io.flowgate.gateway.GatewayServer.USER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens end with their user, over HTTP on the real gateway: deleting, disabling, demoting, moving or re-passwording
 * a user, logging out and {@code revoke-tokens} each stop the tokens concerned on the next request — including a
 * token the gateway had just verified and remembers by its text.
 */
class TokenRevocationIT {

    static GatewayServer gateway;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start(Map.of("flowgate.example", false, "flowgate.auth.revocation.refresh", "200ms"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void readsTheRevocationRefreshFromTheConfiguration() {
        assertThat(gateway.context().getBean(RevocationSettings.class).refresh()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aDeletedAdminsTokenCannotCreateAnAdmin() {
        GatewayServer deleted = gateway.as(gateway.createUser("second-admin", null, "admin"));
        assertThat(deleted.get("/admin/users").status()).isEqualTo(200);

        assertThat(gateway.delete("/admin/users/second-admin").status()).isEqualTo(204);
        Reply created = deleted.postJson("/admin/users", "{\"username\":\"intruder\",\"password\":\""
                + USER_PASSWORD + "\",\"roles\":[\"admin\"]}");

        assertRevoked(created);
        assertThat(gateway.get("/admin/users/intruder").status()).isEqualTo(404);
        assertThat(login("intruder", USER_PASSWORD).status()).isEqualTo(401);
    }

    @Test
    void aUserDeletedAndCreatedAgainDoesNotReviveItsOldTokens() {
        GatewayServer old = gateway.as(gateway.createUser("reborn", "bistro", "clerk"));
        assertThat(gateway.delete("/admin/users/reborn").status()).isEqualTo(204);
        gateway.createUser("reborn", "bistro", "clerk");

        assertRevoked(old.get("/api/tasks"));
    }

    @Test
    void aDemotedUsersTokenLosesItsRightsAtOnce() {
        GatewayServer demoted = gateway.as(gateway.createUser("demoted", null, "admin"));
        assertThat(put("/admin/users/demoted", "{\"roles\":[\"admin\"],\"tenant\":null}").status()).isEqualTo(200);
        assertThat(demoted.get("/admin/users").status()).as("a change that leaves the token's claims as they are")
                .isEqualTo(200);

        assertThat(put("/admin/users/demoted", "{\"roles\":[\"clerk\"]}").status()).isEqualTo(200);

        assertRevoked(demoted.get("/admin/users"));
        assertThat(gateway.as(gateway.login("demoted", USER_PASSWORD)).get("/admin/users").status())
                .as("a new token carries the new roles").isEqualTo(403);
    }

    @Test
    void movingAUserToAnotherTenantEndsItsTokens() {
        GatewayServer moved = gateway.as(gateway.createUser("mover", "bistro", "clerk"));
        assertThat(moved.get("/api/tasks").status()).isEqualTo(200);

        assertThat(put("/admin/users/mover", "{\"tenant\":\"diner\"}").status()).isEqualTo(200);

        assertRevoked(moved.get("/api/tasks"));
    }

    @Test
    void aDisabledUserCannotLogInAndItsTokensStop() {
        GatewayServer disabled = gateway.as(gateway.createUser("paused", "bistro", "clerk"));
        assertThat(disabled.get("/api/tasks").status()).isEqualTo(200);

        Reply changed = put("/admin/users/paused", "{\"disabled\":true}");

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("disabled").asBoolean()).isTrue();
        assertRevoked(disabled.get("/api/tasks"));
        Reply refused = login("paused", USER_PASSWORD);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("code").asText()).as("the same answer as a wrong password")
                .isEqualTo("invalid-credentials");

        assertThat(put("/admin/users/paused", "{\"disabled\":false}").status()).isEqualTo(200);
        assertRevoked(disabled.get("/api/tasks"));
        assertThat(login("paused", USER_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void refusesToDisableTheLastPlatformAdmin() {
        Reply refused = put("/admin/users/admin", "{\"disabled\":true}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("code").asText()).isEqualTo("last-platform-admin");
        assertThat(gateway.get("/admin/users").status()).isEqualTo(200);
    }

    @Test
    void aNewPasswordEndsTheTokensGotWithTheOldOne() {
        GatewayServer before = gateway.as(gateway.createUser("rotating", "bistro", "clerk"));

        assertThat(put("/admin/users/rotating", "{\"password\":\"a-brand-new-password\"}").status()).isEqualTo(200);

        assertRevoked(before.get("/api/tasks"));
        assertThat(gateway.as(gateway.login("rotating", "a-brand-new-password")).get("/api/tasks").status())
                .isEqualTo(200);
    }

    @Test
    void logoutRevokesOnlyThePresentedToken() {
        String first = gateway.createUser("leaving", "bistro", "clerk");
        String second = gateway.login("leaving", USER_PASSWORD);
        assertThat(gateway.as(first).get("/api/tasks").status()).isEqualTo(200);

        Reply logout = gateway.as(first).postJson("/auth/logout", "");

        assertThat(logout.status()).as(logout.toString()).isEqualTo(204);
        assertRevoked(gateway.as(first).get("/api/tasks"));
        assertRevoked(gateway.as(first).postJson("/auth/logout", ""));
        assertThat(gateway.as(second).get("/api/tasks").status()).isEqualTo(200);
    }

    @Test
    void logoutNeedsAToken() {
        Reply anonymous = gateway.anonymous().postJson("/auth/logout", "");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().path("code").asText()).isEqualTo("unauthenticated");
    }

    @Test
    void aTokenRememberedAsVerifiedIsRefusedOnceRevoked() {
        GatewayServer busy = gateway.as(gateway.createUser("busy", "bistro", "clerk"));
        for (int i = 0; i < 5; i++) {
            assertThat(busy.get("/api/tasks").status()).isEqualTo(200);
        }

        assertThat(busy.postJson("/auth/logout", "").status()).isEqualTo(204);

        assertRevoked(busy.get("/api/tasks"));
    }

    @Test
    void anAdminRevokesEveryTokenOfAUser() {
        String first = gateway.createUser("everywhere", "bistro", "clerk");
        String second = gateway.login("everywhere", USER_PASSWORD);

        Reply revoked = gateway.postJson("/admin/users/everywhere/revoke-tokens", "");

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);
        assertRevoked(gateway.as(first).get("/api/tasks"));
        assertRevoked(gateway.as(second).get("/api/tasks"));
        assertThat(gateway.as(gateway.login("everywhere", USER_PASSWORD)).get("/api/tasks").status())
                .isEqualTo(200);
    }

    @Test
    void aTenantAdminRevokesTokensOnlyInItsOwnTenant() {
        GatewayServer bistroAdmin = gateway.as(gateway.createUser("bistro-boss", "bistro", "admin"));
        String bistroClerk = gateway.createUser("bistro-clerk", "bistro", "clerk");
        String dinerClerk = gateway.createUser("diner-clerk", "diner", "clerk");

        assertThat(bistroAdmin.postJson("/admin/users/bistro-clerk/revoke-tokens", "").status()).isEqualTo(204);
        Reply otherTenant = bistroAdmin.postJson("/admin/users/diner-clerk/revoke-tokens", "");
        Reply platformUser = bistroAdmin.postJson("/admin/users/admin/revoke-tokens", "");
        Reply unknown = bistroAdmin.postJson("/admin/users/nobody-at-all/revoke-tokens", "");

        assertRevoked(gateway.as(bistroClerk).get("/api/tasks"));
        assertThat(gateway.as(dinerClerk).get("/api/tasks").status()).isEqualTo(200);
        assertThat(gateway.get("/admin/users").status()).as("the platform admin's token").isEqualTo(200);
        assertThat(unknown.status()).isEqualTo(404);
        for (Reply hidden : new Reply[]{otherTenant, platformUser}) {
            assertThat(hidden.status()).isEqualTo(unknown.status());
            assertThat(hidden.json().path("type").asText()).isEqualTo(unknown.json().path("type").asText());
            assertThat(hidden.json().path("code").asText()).isEqualTo("user-not-found");
        }
        assertThat(otherTenant.json().path("detail").asText().replace("diner-clerk", "X"))
                .isEqualTo(unknown.json().path("detail").asText().replace("nobody-at-all", "X"));
    }

    private static void assertRevoked(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        JsonNode problem = reply.json();
        assertThat(problem.path("code").asText()).isEqualTo("invalid-token");
        assertThat(problem.path("detail").asText()).contains("revoked");
        assertThat(reply.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }

    private static Reply put(String path, String json) {
        return gateway.send(HttpRequest.newBuilder(gateway.uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static Reply login(String username, String password) {
        return gateway.anonymous().postJson("/auth/token", "{\"username\":\"" + username + "\",\"password\":\""
                + password + "\"}");
    }
}
