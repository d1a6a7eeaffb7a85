package io.flowgate.gateway.authz;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The flow designer asks for every role the platform knows, to offer them as candidate groups. */
class RolesIT {

    private static GatewayServer gateway;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void namesEveryRoleGrantedHeldRequiredOrOfferedOnceAndSorted() {
        gateway.createUser("walt", "acme", "waiters", "night-shift");
        Reply granted = gateway.send(HttpRequest.newBuilder(gateway.uri("/admin/policies"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("""
                        {"grants": [{"subject": "alice", "role": "auditors", "domain": "acme"},
                                    {"subject": "role:cfo", "role": "finance", "domain": "*"}]}""")));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(gateway.publishContract("/io/flowgate/gateway/authz/guarded-v2.yaml").status()).isEqualTo(201);
        assertThat(gateway.deployFlow("/io/flowgate/gateway/tasks/refund-desk.bpmn").status()).isEqualTo(201);

        List<String> roles = roles(gateway.get("/admin/roles"));

        assertThat(roles).contains("admin", "waiters", "night-shift", "auditors", "finance", "cfo", "treasurer",
                "refund-desk").doesNotHaveDuplicates().isSorted().noneMatch(role -> role.contains("${"));
        // the restaurant example's contracts and flows name their roles too
        assertThat(roles).contains("store-manager");
    }

    @Test
    void isForAdminsOnly() {
        GatewayServer waiter = gateway.as(gateway.createUser("wendy", "acme", "waiters"));

        assertThat(waiter.get("/admin/roles").status()).isEqualTo(403);
        assertThat(gateway.anonymous().get("/admin/roles").status()).isEqualTo(401);
    }

    private static List<String> roles(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode json = reply.json();
        assertThat(json.size()).isEqualTo(1);
        List<String> roles = new ArrayList<>();
        json.path("roles").forEach(role -> roles.add(role.asText()));
        return roles;
    }
}
