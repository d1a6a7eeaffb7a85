package io.flowgate.gateway.auth;

import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.GatewayServer.Reply;
import io.flowgate.gateway.problem.GatewayProblem;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code POST /auth/token} on the real gateway, and the tokens it issues checked by the gateway's authenticator
 * (before and after a restart).
 */
class LoginIT {

    static final String ADMIN_PASSWORD = "login-it-admin-password";
    static GatewayServer gateway;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start(Map.of("flowgate.auth.admin-password", ADMIN_PASSWORD,
                "flowgate.auth.bcrypt-cost", 10, "flowgate.example", false));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void issuesABearerTokenTheAuthenticatorAccepts() {
        Reply reply = login("admin", ADMIN_PASSWORD);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("token_type").asText()).isEqualTo("Bearer");
        assertThat(reply.json().path("expires_in").asLong()).isEqualTo(AuthSettings.DEFAULT_TOKEN_TTL.toSeconds());
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        Caller caller = authenticate(gateway, reply.json().path("access_token").asText());
        assertThat(caller.subject()).isEqualTo("admin");
        assertThat(caller.tenant()).isNull();
        assertThat(caller.roles()).containsExactly("admin");
        assertThat(caller.claims()).containsEntry("iss", "flowgate").containsKeys("jti", "iat", "exp");
        assertThat(caller.claims()).doesNotContainKey("tenant");
    }

    @Test
    void answersTheSameForAWrongPasswordAndAnUnknownUser() {
        Reply wrongPassword = login("admin", "not-the-password");
        Reply unknownUser = login("nobody", ADMIN_PASSWORD);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.header("Content-Type")).startsWith("application/problem+json");
        assertThat(wrongPassword.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"flowgate\"");
        assertThat(wrongPassword.json().path("detail").asText())
                .isEqualTo(unknownUser.json().path("detail").asText());
        assertThat(wrongPassword.json().path("code").asText()).isEqualTo("invalid-credentials");
    }

    @Test
    void refusesAMalformedBody() {
        for (String body : new String[]{"", "{", "[]", "{\"username\":\"admin\"}", "{\"username\":1,\"password\":2}"}) {
            Reply reply = gateway.postJson("/auth/token", body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.json().path("code").asText()).isEqualTo("invalid-body");
        }
    }

    @Test
    void acceptsTheCredentialsWhateverTheContentTypeSays() {
        Reply reply = gateway.post("/auth/token", "text/plain",
                "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    @Test
    void refusesATokenSignedWithAnotherSecret() {
        String token = new TokenIssuer(AuthSettings.defaults(),
                "another-secret-another-secret-another".getBytes(), java.time.Clock.systemUTC())
                .issue("admin", java.util.List.of("admin"), null, 0).accessToken();
        assertThatThrownBy(() -> authenticate(gateway, token)).isInstanceOfSatisfying(GatewayProblem.class,
                e -> assertThat(e.problem().status()).isEqualTo(401));
    }

    @Test
    void keepsTheGeneratedSecretAcrossARestart() {
        // no FLOWGATE_JWT_SECRET here: the secret was generated and stored in the database
        String token = login("admin", ADMIN_PASSWORD).json().path("access_token").asText();

        gateway.restart();

        assertThat(authenticate(gateway, token).subject()).isEqualTo("admin");
    }

    static Reply login(String username, String password) {
        return gateway.postJson("/auth/token", "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\"}");
    }

    static Caller authenticate(GatewayServer server, String token) {
        return server.context().getBean(Authenticator.class)
                .authenticate(HttpRequest.GET("/").header("Authorization", "Bearer " + token));
    }
}
