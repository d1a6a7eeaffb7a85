package io.flowgate.gateway.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /health}: the status for everyone (load balancers need no token), the details — disk space, database
 * — only for the platform admin, decided by Flowgate's own authentication.
 */
class HealthDetailsIT {

    static GatewayServer gateway;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start(Map.of("flowgate.example", false));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void showsAnonymousCallersTheStatusOnly() {
        assertStatusOnly(gateway.anonymous().get("/health"), 200, "UP");
    }

    @Test
    void showsTheDetailsToThePlatformAdminOnly() {
        Reply health = gateway.get("/health");
        assertThat(health.status()).isEqualTo(200);
        JsonNode details = health.json().path("details");
        assertThat(details.has("diskSpace")).as(health.toString()).isTrue();
        assertThat(details.path("database").path("details").path("product").asText()).isEqualTo("H2");

        assertStatusOnly(gateway.as(gateway.createUser("health-clerk", "bistro", "clerk")).get("/health"), 200, "UP");
        assertStatusOnly(gateway.as(gateway.createUser("health-boss", "bistro", "admin")).get("/health"), 200, "UP");
    }

    @Test
    void treatsABadTokenAsNoTokenRatherThanFailingTheProbe() {
        assertStatusOnly(gateway.as("not-a-token").get("/health"), 200, "UP");
    }

    @Test
    void keepsTheReadinessProbeToTheStatusToo() {
        Reply readiness = gateway.anonymous().get("/health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().has("details")).as(readiness.toString()).isFalse();
    }

    @Test
    void answers503WhenDownWhetherOrNotTheDetailsAreShown() {
        try (GatewayServer down = GatewayServer.start(Map.of("flowgate.example", false,
                "flowgate.test.health-down", true))) {
            assertStatusOnly(down.anonymous().get("/health"), 503, "DOWN");
            Reply admin = down.get("/health");
            assertThat(admin.status()).isEqualTo(503);
            assertThat(admin.json().path("details").path("down-for-tests").path("details").path("reason").asText())
                    .isEqualTo("switched off by the test");
        }
    }

    private static void assertStatusOnly(Reply health, int status, String state) {
        assertThat(health.status()).as(health.toString()).isEqualTo(status);
        JsonNode json = health.json();
        assertThat(json.path("status").asText()).isEqualTo(state);
        assertThat(json.has("details")).as(health.toString()).isFalse();
        assertThat(health.body()).doesNotContain("diskSpace").doesNotContain("H2").doesNotContain("free");
    }
}
