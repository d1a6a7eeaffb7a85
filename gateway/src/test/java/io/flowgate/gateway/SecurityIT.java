package io.flowgate.gateway;

import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, over HTTP: every operation of the example contract and the built-in APIs × users with
 * different roles and tenants → the expected status. Tenant acme's refund is never visible to tenant globex.
 */
class SecurityIT {

    private static GatewayServer gateway;
    private static final Map<String, GatewayServer> USERS = new HashMap<>();
    /** A refund of tenant acme, asked for by clerk-acme, waiting for approval. */
    private static String acmeOrder;
    private static String acmeInstance;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start();
        assertThat(gateway.deployFlow("greeting.bpmn").status()).isEqualTo(201);
        assertThat(gateway.publishContract("guarded-shop.yaml").status()).isEqualTo(201);
        USERS.put("anonymous", gateway.anonymous());
        USERS.put("admin", gateway);
        USERS.put("clerk-acme", gateway.as(gateway.createUser("clerk-acme", "acme", "customer-service")));
        USERS.put("manager-acme", gateway.as(gateway.createUser("manager-acme", "acme", "store-manager")));
        USERS.put("manager-globex", gateway.as(gateway.createUser("manager-globex", "globex", "store-manager")));
        USERS.put("stranger-acme", gateway.as(gateway.createUser("stranger-acme", "acme", "kitchen")));
        acmeOrder = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        Reply refund = USERS.get("clerk-acme").postJson("/refunds", refundBody(acmeOrder));
        assertThat(refund.status()).as(refund.toString()).isEqualTo(201);
        acmeInstance = refund.json().path("instanceId").asText();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static String refundBody(String order) {
        return "{\"orderId\":\"" + order + "\",\"amount\":9}";
    }

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            anonymous      | POST | /refunds                    | 401
            stranger-acme  | POST | /refunds                    | 403
            admin          | POST | /refunds                    | 403
            clerk-acme     | POST | /refunds                    | 201
            manager-globex | POST | /refunds                    | 201
            anonymous      | GET  | /instances/{acme}           | 401
            clerk-acme     | GET  | /instances/{acme}           | 200
            manager-acme   | GET  | /instances/{acme}           | 200
            manager-globex | GET  | /instances/{acme}           | 404
            admin          | GET  | /instances/{acme}           | 200
            anonymous      | GET  | /opening-hours              | 501
            clerk-acme     | GET  | /opening-hours              | 501
            anonymous      | GET  | /admin/contracts            | 401
            clerk-acme     | GET  | /admin/contracts            | 403
            manager-acme   | GET  | /admin/instances            | 403
            admin          | GET  | /admin/contracts            | 200
            admin          | GET  | /admin/users                | 200
            manager-acme   | GET  | /admin/users                | 403
            admin          | GET  | /admin/policies             | 200
            anonymous      | GET  | /api/tasks                  | 401
            clerk-acme     | GET  | /api/tasks                  | 200
            """)
    void answersEachCallerAsItsRolesAndTenantAllow(String user, String method, String path, int expected) {
        String concrete = path.replace("{acme}", acmeInstance);
        GatewayServer as = USERS.get(user);
        Reply reply = "GET".equals(method) ? as.get(concrete)
                : as.postJson(concrete, refundBody("t-" + UUID.randomUUID().toString().substring(0, 8)));

        assertThat(reply.status()).as(user + " " + method + " " + concrete + ": " + reply).isEqualTo(expected);
        if (expected == 401) {
            assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        }
        if (expected >= 400) {
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void aManagerOfAnotherTenantCannotDecideNorSeeTheTask() {
        Reply decision = USERS.get("manager-globex").postJson("/refunds/" + acmeOrder + "/decision",
                "{\"approved\":true}");
        List<String> globexTasks = USERS.get("manager-globex").get("/api/tasks").json().findValuesAsText("instanceId");
        List<String> acmeTasks = USERS.get("manager-acme").get("/api/tasks").json().findValuesAsText("instanceId");

        assertThat(decision.status()).as(decision.toString()).isEqualTo(404);
        assertThat(globexTasks).doesNotContain(acmeInstance);
        assertThat(acmeTasks).contains(acmeInstance);
        assertThat(USERS.get("clerk-acme").postJson("/refunds/" + acmeOrder + "/decision", "{\"approved\":true}")
                .status()).isEqualTo(403);
    }

    @Test
    void whoeverAskedForARefundMayNotApproveIt() {
        GatewayServer manager = USERS.get("manager-acme");
        String order = "self-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(manager.postJson("/refunds", refundBody(order)).status()).isEqualTo(201);

        Reply own = manager.postJson("/refunds/" + order + "/decision", "{\"approved\":true}");
        GatewayServer other = gateway.as(gateway.createUser("manager2-acme", "acme", "store-manager"));
        Reply colleague = other.postJson("/refunds/" + order + "/decision", "{\"approved\":true}");

        assertThat(own.status()).as(own.toString()).isEqualTo(403);
        assertThat(own.json().path("type").asText()).endsWith("/separation-of-duties");
        assertThat(colleague.status()).as(colleague.toString()).isEqualTo(200);
    }

    @Test
    void theInstanceRecordsTheTenantAndTheInitiator() {
        var details = gateway.get("/admin/instances/" + acmeInstance).json();

        assertThat(details.path("tenantId").asText()).isEqualTo("acme");
        assertThat(gateway.get("/admin/instances?businessKey=" + acmeOrder).json().path("total").asInt()).isEqualTo(1);
    }

    @Test
    void claimsOfTheTokenReachTheFlowAndTheInitiatorIsRecorded() {
        Reply reply = USERS.get("clerk-acme").post("/whoami-greetings", "application/json", "{}");
        String instanceId = reply.header("Flowgate-Instance");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("greeting").asText()).isEqualTo("Hello clerk-acme");
        assertThat(reply.json().path("tenant").asText()).isEqualTo("acme");
        assertThat(gateway.get("/admin/instances/" + instanceId).json().path("tenantId").asText()).isEqualTo("acme");
    }

    @Test
    void refusesATamperedTokenWithInvalidToken() {
        String token = gateway.login("clerk-acme", GatewayServer.USER_PASSWORD);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        Reply reply = gateway.as(tampered).get("/instances/" + acmeInstance);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void aTenantTakenFromAClientHeaderIsIgnored() {
        Reply reply = USERS.get("manager-globex").send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port() + "/instances/" + acmeInstance))
                .header("X-Tenant", "acme").header("Tenant", "acme").GET());

        assertThat(reply.status()).isEqualTo(404);
    }

    private static int port() {
        return gateway.context().getBean(io.micronaut.runtime.server.EmbeddedServer.class).getPort();
    }
}
