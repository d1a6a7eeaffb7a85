package io.flowgate.gateway.users;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.GatewayServer.Reply;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /admin/users} on the real gateway, started with a configured first-admin password. */
class UserAdminIT {

    static final String ADMIN_PASSWORD = "users-it-admin-password";
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
    void bootstrapsTheFirstAdminWithTheConfiguredPassword() {
        JsonNode admin = gateway.get("/admin/users/admin").json();
        assertThat(admin.path("roles").toString()).isEqualTo("[\"admin\"]");
        assertThat(admin.has("tenant")).isFalse();
        assertThat(login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void createsReadsChangesAndDeletesAUser() {
        Reply created = gateway.postJson("/admin/users", "{\"username\":\"ada\",\"password\":\"ada-long-password\","
                + "\"roles\":[\"store-manager\",\"finance\"],\"tenant\":\"tenant-a\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/admin/users/ada");
        assertThat(created.json().path("roles").toString()).isEqualTo("[\"finance\",\"store-manager\"]");
        assertThat(created.json().path("tenant").asText()).isEqualTo("tenant-a");
        assertThat(created.body()).doesNotContain("password").doesNotContain("$2a$");

        assertThat(gateway.get("/admin/users").json().findValuesAsText("username")).contains("admin", "ada");
        assertThat(gateway.get("/admin/users/ada").json().path("createdAt").isTextual()).isTrue();
        assertThat(login("ada", "ada-long-password").status()).isEqualTo(200);

        Reply changed = put("/admin/users/ada", "{\"password\":\"ada-new-long-password\",\"roles\":[\"auditor\"]}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("roles").toString()).isEqualTo("[\"auditor\"]");
        assertThat(changed.json().path("tenant").asText()).as("left out, so kept").isEqualTo("tenant-a");
        assertThat(login("ada", "ada-long-password").status()).isEqualTo(401);
        assertThat(login("ada", "ada-new-long-password").status()).isEqualTo(200);

        assertThat(gateway.delete("/admin/users/ada").status()).isEqualTo(204);
        Reply gone = gateway.get("/admin/users/ada");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("code").asText()).isEqualTo("user-not-found");
        assertThat(gateway.delete("/admin/users/ada").status()).isEqualTo(404);
        assertThat(put("/admin/users/ada", "{}").status()).isEqualTo(404);
    }

    @Test
    void refusesADuplicateWith409() {
        String body = "{\"username\":\"dup\",\"password\":\"dup-long-password\"}";
        assertThat(gateway.postJson("/admin/users", body).status()).isEqualTo(201);
        Reply again = gateway.postJson("/admin/users", body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asText()).isEqualTo("user-exists");
    }

    @Test
    void namesTheFieldOfABadRequest() {
        assertField("{\"username\":\"bob\",\"password\":\"short\"}", "password");
        assertField("{\"username\":\"Bob!\",\"password\":\"bob-long-password\"}", "username");
        assertField("{\"username\":\"bob\",\"password\":\"bob-long-password\",\"roles\":[\"no spaces\"]}", "roles");
        assertField("{\"username\":\"bob\",\"password\":\"bob-long-password\",\"roles\":\"admin\"}", "roles");
        assertField("{\"username\":\"bob\",\"password\":\"bob-long-password\",\"role\":[\"admin\"]}", "role");
        assertThat(gateway.postJson("/admin/users", "{not json").status()).isEqualTo(400);
        assertThat(gateway.get("/admin/users/bob").status()).isEqualTo(404);
    }

    @Test
    void refusesToDeleteOrDemoteTheLastPlatformAdmin() {
        Reply delete = gateway.delete("/admin/users/admin");
        assertThat(delete.status()).isEqualTo(409);
        assertThat(delete.json().path("code").asText()).isEqualTo("last-platform-admin");
        assertThat(put("/admin/users/admin", "{\"roles\":[\"finance\"]}").status()).isEqualTo(409);
        assertThat(put("/admin/users/admin", "{\"tenant\":\"tenant-a\"}").status()).isEqualTo(409);

        assertThat(gateway.postJson("/admin/users", "{\"username\":\"root2\",\"password\":\"root2-long-password\","
                + "\"roles\":[\"admin\"]}").status()).isEqualTo(201);
        assertThat(gateway.delete("/admin/users/root2").status()).as("another admin remains").isEqualTo(204);
        assertThat(login("admin", ADMIN_PASSWORD).status()).isEqualTo(200);
    }

    private static void assertField(String body, String field) {
        Reply reply = gateway.postJson("/admin/users", body);
        assertThat(reply.status()).as(body).isEqualTo(400);
        assertThat(reply.json().path("field").asText()).as(body).isEqualTo(field);
    }

    static Reply login(String username, String password) {
        return login(gateway, username, password);
    }

    static Reply login(GatewayServer server, String username, String password) {
        return server.postJson("/auth/token", "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\"}");
    }

    private static Reply put(String path, String json) {
        int port = gateway.context().getBean(EmbeddedServer.class).getPort();
        return gateway.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }
}
