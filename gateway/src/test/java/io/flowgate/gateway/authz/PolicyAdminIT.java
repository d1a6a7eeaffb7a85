package io.flowgate.gateway.authz;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.ContractRegistry;
import io.flowgate.contracts.Operation;
import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.GatewayServer.Reply;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.problem.GatewayProblem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Operators manage role grants through {@code /admin/policies}; the real gateway uses them at once. */
class PolicyAdminIT {

    private static GatewayServer gateway;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start();
        Reply published = gateway.publishContract("/io/flowgate/gateway/authz/guarded.yaml");
        assertThat(published.status()).as(published.toString()).isIn(200, 201);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void replacesTheGrantsAndShowsThemWithEveryOperationsRoles() {
        Reply put = put("""
                {"grants": [{"subject": "alice", "role": "finance", "domain": "acme"},
                            {"subject": "role:cfo", "role": "finance", "domain": "*"}]}""");
        JsonNode shown = admin("GET", "/admin/policies", null).json();

        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(shown.path("grants")).hasSize(2);
        assertThat(shown.path("grants").get(0).path("subject").asText()).isEqualTo("alice");
        assertThat(shown.path("grants").get(0).path("domain").asText()).isEqualTo("acme");
        assertThat(shown.path("fileGrants")).isEmpty();
        JsonNode payout = operation(shown, "createPayout");
        assertThat(payout.path("contract").asText()).isEqualTo("guarded");
        assertThat(payout.path("method").asText()).isEqualTo("POST");
        assertThat(payout.path("path").asText()).isEqualTo("/guarded/payouts");
        assertThat(payout.path("roles").toString()).isEqualTo("[\"finance\"]");
    }

    @Test
    void aGrantAppliesToTheNextDecisionWithoutRestart() {
        Caller alice = new Caller("alice", "acme", Set.of("waiter"), Map.of());
        put("{\"grants\": []}");
        assertThat(status(alice, "createPayout")).isEqualTo(403);

        put("{\"grants\": [{\"subject\": \"alice\", \"role\": \"finance\", \"domain\": \"acme\"}]}");

        assertThat(status(alice, "createPayout")).isEqualTo(200);
        assertThat(status(new Caller("alice", "globex", Set.of(), Map.of()), "createPayout")).isEqualTo(403);
    }

    @Test
    void republishingAContractChangesWhoMayCallIt() {
        Caller treasurer = new Caller("tom", "acme", Set.of("treasurer"), Map.of());
        Caller finance = new Caller("fin", "acme", Set.of("finance"), Map.of());
        assertThat(status(finance, "createPayout")).isEqualTo(200);
        assertThat(status(treasurer, "createPayout")).isEqualTo(403);

        try {
            assertThat(gateway.publishContract("/io/flowgate/gateway/authz/guarded-v2.yaml").status()).isEqualTo(201);

            assertThat(status(treasurer, "createPayout")).isEqualTo(200);
            assertThat(status(finance, "createPayout")).isEqualTo(403);
        } finally {
            gateway.publishContract("/io/flowgate/gateway/authz/guarded.yaml");
        }
    }

    @Test
    void refusesInvalidGrantsWithEveryReasonAndKeepsTheOldOnes() {
        put("{\"grants\": [{\"subject\": \"alice\", \"role\": \"finance\", \"domain\": \"acme\"}]}");

        Reply refused = put("""
                {"grants": [{"subject": "bob smith", "role": "finance", "domain": "acme"},
                            {"subject": "bob", "role": "finance", "domain": "a*"},
                            {"subject": "bob", "domain": "acme"}]}""");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("code").asText()).isEqualTo("invalid-grants");
        assertThat(refused.json().path("errors")).hasSize(3);
        assertThat(admin("GET", "/admin/policies", null).json().path("grants")).hasSize(1);
    }

    @Test
    void refusesABodyThatIsNotAGrantList() {
        assertThat(put("not json").status()).isEqualTo(400);
        assertThat(put("{\"grants\": {}}").status()).isEqualTo(400);
        assertThat(put("[]").status()).isEqualTo(400);
    }

    @Test
    void keepsTheGrantsAcrossARestart() {
        put("{\"grants\": [{\"subject\": \"keeper\", \"role\": \"finance\", \"domain\": \"*\"}]}");

        gateway.restart();

        JsonNode grants = admin("GET", "/admin/policies", null).json().path("grants");
        assertThat(grants).hasSize(1);
        assertThat(grants.get(0).path("subject").asText()).isEqualTo("keeper");
    }

    /** Authorizes through the running gateway's own authorizer (the request pipeline calls the same bean). */
    private static int status(Caller caller, String operationId) {
        Operation operation = gateway.context().getBean(ContractRegistry.class).contract("guarded").orElseThrow()
                .contract().operations().stream().filter(op -> operationId.equals(op.operationId()))
                .findFirst().orElseThrow();
        try {
            gateway.context().getBean(Authorizer.class).authorizeOperation(caller, operation);
            return 200;
        } catch (GatewayProblem problem) {
            return problem.problem().status();
        }
    }

    private static JsonNode operation(JsonNode policies, String operationId) {
        for (JsonNode op : policies.path("operations")) {
            if (op.path("operation").asText().equals(operationId)) {
                return op;
            }
        }
        throw new AssertionError("no operation " + operationId + " in " + policies);
    }

    private static Reply put(String json) {
        return admin("PUT", "/admin/policies", json);
    }

    /** An admin API call, with the admin's bearer token once the test gateway hands one out. */
    private static Reply admin(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri() + path));
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        String token = adminToken();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return gateway.send(request);
    }

    private static String baseUri() {
        return "http://localhost:" + gateway.context().getBean(io.micronaut.runtime.server.EmbeddedServer.class)
                .getPort();
    }

    private static String adminToken() {
        try {
            Method token = GatewayServer.class.getMethod("adminToken");
            return (String) token.invoke(gateway);
        } catch (NoSuchMethodException absent) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("GatewayServer.adminToken() failed", e);
        }
    }
}
