package io.flowgate.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Operators compare two versions of a contract and read a version's document, inlined, for the docs view. */
class ContractHistoryIT {

    private static GatewayServer gateway;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start();
        for (String version : List.of("v1", "v2")) {
            Reply published = gateway.publishContract("/io/flowgate/gateway/admin/vouchers-" + version + ".yaml");
            assertThat(published.status()).as(published.toString()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void diffsTwoVersionsJudgingEachChange() {
        Reply reply = gateway.get("/admin/contracts/vouchers/diff?from=1&to=2");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode diff = reply.json();
        assertThat(diff.path("name").asText()).isEqualTo("vouchers");
        assertThat(diff.path("from").asInt()).isEqualTo(1);
        assertThat(diff.path("to").asInt()).isEqualTo(2);
        assertThat(diff.path("breaking").asBoolean()).isTrue();
        assertThat(diff.path("added").toString()).isEqualTo("[{\"method\":\"POST\",\"path\":"
                + "\"/vouchers/{voucherCode}/redeem\",\"operationId\":\"redeemVoucher\"}]");
        assertThat(diff.path("removed").toString()).isEqualTo("[{\"method\":\"DELETE\",\"path\":\"/vouchers/{code}\","
                + "\"operationId\":\"voidVoucher\"}]");
        JsonNode issue = diff.path("changed").get(0);
        assertThat(issue.path("operation").path("operationId").asText()).isEqualTo("issueVoucher");
        assertThat(issue.path("breaking").asBoolean()).isTrue();
        // like every answer of the API, a null member is left out: here "from", the property was not there
        assertThat(issue.path("changes").get(0).toString()).isEqualTo("{\"field\":\"requestBody.customer\","
                + "\"to\":\"required\",\"breaking\":true,"
                + "\"detail\":\"new required request-body property 'customer'\"}");
        assertThat(issue.path("changes").findValuesAsText("field"))
                .containsExactly("requestBody.customer", "x-required-roles", "x-rate-limit");
        assertThat(issue.path("changes").get(1).path("to").toString()).isEqualTo("[\"cashier\",\"manager\"]");
        assertThat(issue.path("changes").get(1).path("breaking").asBoolean()).isFalse();
        assertThat(issue.path("changes").get(2).path("to").toString())
                .isEqualTo("{\"limit\":20,\"window\":\"1m\",\"key\":\"principal\"}");
        JsonNode read = diff.path("changed").get(1);
        assertThat(read.path("operation").path("path").asText()).isEqualTo("/vouchers/{voucherCode}");
        assertThat(read.path("breaking").asBoolean()).isFalse();
        assertThat(read.path("changes").findValuesAsText("field")).containsExactly("path", "parameters.query.expand");
        assertThat(diff.path("changed")).hasSize(2);
    }

    @Test
    void diffsUpToTheNewestVersionWhenToIsLeftOut() {
        JsonNode diff = gateway.get("/admin/contracts/vouchers/diff?from=2").json();

        assertThat(diff.path("to").asInt()).isEqualTo(2);
        assertThat(diff.path("breaking").asBoolean()).isFalse();
        assertThat(diff.path("changed")).isEmpty();
    }

    @Test
    void refusesMissingOrMalformedVersionsNamingTheParameter() {
        for (String query : List.of("", "?from=one", "?from=0", "?from=1&to=x")) {
            Reply refused = gateway.get("/admin/contracts/vouchers/diff" + query);
            String field = query.contains("to=") ? "to" : "from";

            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().path("field").asText()).isEqualTo(field);
        }
    }

    @Test
    void anUnknownContractOrVersionIsNotFound() {
        Reply contract = gateway.get("/admin/contracts/nothing/diff?from=1");
        Reply version = gateway.get("/admin/contracts/vouchers/diff?from=1&to=9");
        Reply document = gateway.get("/admin/contracts/vouchers/openapi?version=9");

        assertThat(contract.status()).isEqualTo(404);
        assertThat(contract.json().path("code").asText()).isEqualTo("contract-not-found");
        assertThat(version.status()).isEqualTo(404);
        assertThat(version.json().path("code").asText()).isEqualTo("contract-version-not-found");
        assertThat(version.json().path("version").asInt()).isEqualTo(9);
        assertThat(document.status()).isEqualTo(404);
        assertThat(gateway.get("/admin/contracts/nothing/openapi").status()).isEqualTo(404);
    }

    @Test
    void servesAVersionsDocumentAsJsonWithReferencesInlinedAndExtensionsKept() {
        Reply reply = gateway.get("/admin/contracts/vouchers/openapi");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode document = reply.json();
        assertThat(document.path("info").path("version").asText()).isEqualTo("2");
        JsonNode issue = document.at("/paths/~1vouchers/post");
        assertThat(issue.path("x-required-roles").toString()).isEqualTo("[\"cashier\",\"manager\"]");
        JsonNode body = issue.at("/requestBody/content/application~1json/schema");
        assertThat(body.at("/properties/amount/x-unit").asText()).isEqualTo("cents");
        JsonNode answer = issue.at("/responses/201/content/application~1json/schema");
        assertThat(answer.at("/allOf/0/required").toString()).isEqualTo("[\"amount\",\"customer\"]");
        assertThat(document.at("/paths").toString()).doesNotContain("$ref");
        assertThat(gateway.get("/admin/contracts/vouchers/openapi?version=1").json().at("/info/version").asText())
                .isEqualTo("1");
        assertThat(gateway.get("/admin/contracts/vouchers/openapi?version=v1").json().path("field").asText())
                .isEqualTo("version");
    }

    @Test
    void onlyAdminsMayReadThem() {
        GatewayServer clerk = gateway.as(gateway.createUser("clerk", null, "cashier"));

        assertThat(clerk.get("/admin/contracts/vouchers/diff?from=1").status()).isEqualTo(403);
        assertThat(clerk.get("/admin/contracts/vouchers/openapi").status()).isEqualTo(403);
    }
}
