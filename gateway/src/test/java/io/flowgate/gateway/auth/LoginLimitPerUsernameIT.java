package io.flowgate.gateway.auth;

import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.flowgate.gateway.GatewayServer.USER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logins are limited per username as well as per address: a guess spread over many addresses (here the per-address
 * limit is out of reach, as it would be for a botnet) still gets only {@code FLOWGATE_LOGIN_USER_RATE_LIMIT}
 * attempts a minute at one username. Other usernames are not affected.
 */
class LoginLimitPerUsernameIT {

    static GatewayServer gateway;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start(Map.of("flowgate.example", false, "flowgate.login-user-rate-limit", 3));
        for (String username : new String[]{"target", "bystander"}) {
            assertThat(gateway.postJson("/admin/users", "{\"username\":\"" + username + "\",\"password\":\""
                    + USER_PASSWORD + "\"}").status()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void slowsAGuessAtOneUsernameWhateverTheAddress() {
        for (int i = 0; i < 3; i++) {
            assertThat(login("target", "guess-number-" + i).status()).isEqualTo(401);
        }
        Reply limited = login("target", USER_PASSWORD);

        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(limited.json().path("code").asText()).isEqualTo("rate-limited");
        assertThat(limited.header("Retry-After")).isNotBlank();
        assertThat(login("bystander", USER_PASSWORD).status()).isEqualTo(200);
    }

    private static Reply login(String username, String password) {
        return gateway.anonymous().postJson("/auth/token", "{\"username\":\"" + username + "\",\"password\":\""
                + password + "\"}");
    }
}
