package io.flowgate.gateway.authz;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.FlakyConnector;
import io.flowgate.gateway.GatewayServer;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant admin administers its own tenant and nothing else, over HTTP on the real gateway: the reproductions of
 * issue 14 ("a tenant admin is effectively a platform admin") as regression tests, and tenant admin B against
 * everything of tenant A. Subclasses start the gateway on a database ({@link #prepare}).
 *
 * <p>Tenant {@code bistro} (A) and tenant {@code diner} (B) each have an admin and a reviewer; each reviewer asked
 * for a review (an instance waiting on a user task of its tenant); A's reviewer also started a flow that failed
 * into an incident.
 */
abstract class TenantAdminBoundaryContract {

    static final String PASSWORD = GatewayServer.USER_PASSWORD;
    static final String INSUFFICIENT_SCOPE = "https://flowgate.io/problems/insufficient-scope";

    static GatewayServer platform;
    static GatewayServer adminA;
    static GatewayServer adminB;
    static GatewayServer reviewerA;
    static GatewayServer reviewerB;
    static String instanceA;
    static String instanceB;
    static String incidentA;

    /** Deploys the fixtures, creates the users and the tenant data every test reads. */
    static void prepare(GatewayServer gateway) {
        platform = gateway;
        for (Reply deployed : List.of(platform.deployFlow("authz/tenant-review.bpmn"),
                platform.publishContract("authz/tenant-desk.yaml"), platform.deployFlow("flaky-job.bpmn"),
                platform.deployFlow("flaky-now.bpmn"), platform.publishContract("flaky-shop.yaml"))) {
            assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
        }
        adminA = platform.as(platform.createUser("bistro-admin", "bistro", "admin"));
        adminB = platform.as(platform.createUser("diner-admin", "diner", "admin"));
        reviewerA = platform.as(platform.createUser("bistro-reviewer", "bistro", "reviewer", "bistro-sommelier"));
        reviewerB = platform.as(platform.createUser("diner-reviewer", "diner", "reviewer"));
        instanceA = askForReview(reviewerA);
        instanceB = askForReview(reviewerB);
        FlakyConnector.FAILING.set(true);
        Reply failing = reviewerA.post("/flaky-jobs", "application/json", "");
        assertThat(failing.status()).as(failing.toString()).isEqualTo(202);
        incidentA = awaitIncident(failing.json().path("instanceId").asText());
    }

    @AfterAll
    static void stopFailing() {
        FlakyConnector.FAILING.set(false);
    }

    // --- users ------------------------------------------------------------------------------------------------

    @Test
    void aTenantAdminCannotCreateAUserWithoutTenantNorInAnotherTenant() {
        Reply tenantless = adminA.postJson("/admin/users", user("sneaky-root", "\"tenant\":null", "admin"));
        Reply elsewhere = adminA.postJson("/admin/users", user("sneaky-diner", "\"tenant\":\"diner\"", "admin"));

        assertInsufficientScope(tenantless);
        assertInsufficientScope(elsewhere);
        assertThat(platform.get("/admin/users/sneaky-root").status()).as("nothing was created").isEqualTo(404);
        assertThat(platform.get("/admin/users/sneaky-diner").status()).isEqualTo(404);
    }

    @Test
    void anAdminMadeByATenantAdminIsAnAdminOfThatTenantOnly() {
        Reply created = adminA.postJson("/admin/users", user("bistro-deputy", null, "admin"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("tenant").asText()).as("no tenant given: its admin's").isEqualTo("bistro");

        GatewayServer deputy = platform.as(platform.login("bistro-deputy", PASSWORD));
        List<String> seen = instanceIds(deputy.get("/admin/instances?size=200"));
        assertThat(seen).contains(instanceA).doesNotContain(instanceB);
        assertThat(deputy.get("/auth/me").json().path("scope").asText()).isEqualTo("tenant-admin");
        assertInsufficientScope(deputy.get("/admin/triggers"));
    }

    @Test
    void aTenantAdminCannotReadChangeOrDeleteThePlatformAdmin() {
        Reply unknown = adminA.get("/admin/users/no-such-user");
        Reply read = adminA.get("/admin/users/admin");
        Reply changed = put(adminA, "/admin/users/admin", "{\"password\":\"taken-over-password\"}");
        Reply deleted = adminA.delete("/admin/users/admin");

        for (Reply reply : List.of(read, changed, deleted)) {
            assertAnswersAsUnknown(reply, unknown, "admin", "no-such-user");
        }
        assertThat(usernames(adminA.get("/admin/users"))).doesNotContain("admin").contains("bistro-admin");
        assertThat(platform.login("admin", GatewayServer.ADMIN_PASSWORD)).as("the password is unchanged").isNotBlank();
    }

    @Test
    void aTenantAdminCannotReadChangeOrDeleteAnotherTenantsUsers() {
        Reply unknown = adminA.get("/admin/users/no-such-user");
        Reply read = adminA.get("/admin/users/diner-reviewer");
        Reply changed = put(adminA, "/admin/users/diner-reviewer", "{\"roles\":[\"admin\"]}");
        Reply deleted = adminA.delete("/admin/users/diner-reviewer");

        for (Reply reply : List.of(read, changed, deleted)) {
            assertAnswersAsUnknown(reply, unknown, "diner-reviewer", "no-such-user");
        }
        assertThat(usernames(adminA.get("/admin/users"))).doesNotContain("diner-reviewer", "diner-admin");
        JsonNode untouched = platform.get("/admin/users/diner-reviewer").json();
        assertThat(untouched.path("roles").toString()).isEqualTo("[\"reviewer\"]");
        assertThat(adminB.get("/admin/users/bistro-reviewer").status()).isEqualTo(404);
    }

    @Test
    void aTenantAdminCannotMoveItsUsersOutOfItsTenantAndNothingIsHalfDone() {
        // a user of its own: promoting and demoting ends the user's tokens, which the other tests' users still need
        platform.createUser("bistro-mover", "bistro", "reviewer", "bistro-sommelier");
        Reply moved = put(adminA, "/admin/users/bistro-mover",
                "{\"password\":\"a-new-long-password\",\"tenant\":\"diner\"}");
        Reply madeTenantless = put(adminA, "/admin/users/bistro-mover", "{\"tenant\":null}");

        assertInsufficientScope(moved);
        assertInsufficientScope(madeTenantless);
        assertThat(platform.get("/admin/users/bistro-mover").json().path("tenant").asText()).isEqualTo("bistro");
        assertThat(platform.login("bistro-mover", PASSWORD)).as("the password is unchanged").isNotBlank();
        Reply promoted = put(adminA, "/admin/users/bistro-mover",
                "{\"roles\":[\"admin\",\"reviewer\",\"bistro-sommelier\"]}");
        assertThat(promoted.status()).as("admin inside its own tenant: " + promoted).isEqualTo(200);
        Reply demoted = put(adminA, "/admin/users/bistro-mover", "{\"roles\":[\"reviewer\",\"bistro-sommelier\"]}");
        assertThat(demoted.status()).as(demoted.toString()).isEqualTo(200);
    }

    // --- what every tenant shares -------------------------------------------------------------------------------

    @Test
    void aTenantAdminCannotPublishOrDeleteContractsNorDeployFlows() {
        String contract = GatewayServer.resource("authz/tenant-desk.yaml").replace("1.0.0", "1.0.1");
        String flow = GatewayServer.resource("authz/tenant-review.bpmn").replace("Tenant review", "Hijacked");

        assertInsufficientScope(adminA.post("/admin/contracts", "application/yaml", contract));
        assertInsufficientScope(adminA.post("/admin/contracts?dryRun=true", "application/yaml", contract));
        assertInsufficientScope(adminA.delete("/admin/contracts/tenant-desk"));
        assertInsufficientScope(adminA.post("/admin/flows", "application/xml", flow));
        assertInsufficientScope(adminA.post("/admin/flows?dryRun=true", "application/xml", flow));

        assertThat(platform.get("/admin/contracts/tenant-desk/versions").json().size()).as("one version").isEqualTo(1);
        assertThat(platform.get("/admin/flows/tenant-review").json().path("name").asText()).isEqualTo("Tenant review");
        assertThat(adminA.get("/admin/contracts").status()).as("reading is fine").isEqualTo(200);
        assertThat(adminA.get("/admin/flows/tenant-review/xml").status()).isEqualTo(200);
    }

    @Test
    void aTenantAdminWritesGrantsOnlyInItsOwnDomainAndLeavesTheOthersAsStored() {
        Reply seeded = put(platform, "/admin/policies", grants(
                grant("diner-reviewer", "auditor", "diner"), grant("role:lead", "auditor", "*"),
                grant("bistro-reviewer", "auditor", "bistro")));
        assertThat(seeded.status()).as(seeded.toString()).isEqualTo(200);

        assertInsufficientScope(put(adminA, "/admin/policies", grants(grant("bistro-admin", "admin", "diner"))));
        assertInsufficientScope(put(adminA, "/admin/policies", grants(grant("bistro-admin", "admin", "*"))));
        assertThat(domains(platform.get("/admin/policies"))).as("nothing was written")
                .containsExactlyInAnyOrder("diner", "*", "bistro");
        assertThat(domains(adminA.get("/admin/policies"))).containsExactly("bistro");

        Reply own = put(adminA, "/admin/policies", grants(grant("role:reviewer", "bistro-sommelier", "bistro")));
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(subjects(own)).containsExactly("role:reviewer");
        assertThat(subjects(platform.get("/admin/policies")))
                .containsExactlyInAnyOrder("diner-reviewer", "role:lead", "role:reviewer");
        assertThat(subjects(adminB.get("/admin/policies"))).containsExactly("diner-reviewer");
    }

    @Test
    void aTenantAdminSeesTheSharedRolesAndItsOwnTenantsButNotAnotherTenants() {
        List<String> rolesOfA = texts(adminA.get("/admin/roles").json().path("roles"));
        List<String> rolesOfB = texts(adminB.get("/admin/roles").json().path("roles"));

        assertThat(rolesOfA).contains("admin", "reviewer", "bistro-sommelier");
        assertThat(rolesOfB).contains("admin", "reviewer").doesNotContain("bistro-sommelier");
    }

    // --- tenant B against tenant A's data ----------------------------------------------------------------------

    @Test
    void tenantAdminBCannotSeeOrActOnTenantAsInstances() {
        Reply unknown = adminB.get("/admin/instances/no-such-instance");
        Reply read = adminB.get("/admin/instances/" + instanceA);
        Reply cancelled = adminB.postJson("/admin/instances/" + instanceA + "/cancel", "{}");

        assertAnswersAsUnknown(read, unknown, instanceA, "no-such-instance");
        assertAnswersAsUnknown(cancelled, unknown, instanceA, "no-such-instance");
        assertThat(instanceIds(adminB.get("/admin/instances?size=200"))).contains(instanceB).doesNotContain(instanceA);
        assertThat(instanceIds(adminA.get("/admin/instances?size=200"))).contains(instanceA).doesNotContain(instanceB);
        assertThat(platform.get("/admin/instances/" + instanceA).json().path("state").asText()).isEqualTo("WAITING");
    }

    @Test
    void tenantAdminBCannotSeeOrRetryTenantAsIncidents() {
        Reply unknown = adminB.post("/admin/incidents/no-such-incident/retry", "application/json", "");
        Reply retried = adminB.post("/admin/incidents/" + incidentA + "/retry", "application/json", "");

        assertAnswersAsUnknown(retried, unknown, incidentA, "no-such-incident");
        assertThat(adminB.get("/admin/incidents").json().findValuesAsText("id")).doesNotContain(incidentA);
        assertThat(adminA.get("/admin/incidents").json().findValuesAsText("id")).contains(incidentA);
    }

    @Test
    void tenantAdminBCannotSeeOrWorkTenantAsTasks() {
        String taskA = taskOf(reviewerA, instanceA);
        Reply unknown = adminB.get("/api/tasks/no-such-task");

        for (GatewayServer outsider : List.of(adminB, reviewerB)) {
            assertThat(outsider.get("/api/tasks").json().findValuesAsText("id")).doesNotContain(taskA);
            assertAnswersAsUnknown(outsider.get("/api/tasks/" + taskA), unknown, taskA, "no-such-task");
            assertAnswersAsUnknown(outsider.post("/api/tasks/" + taskA + "/claim", "application/json", ""), unknown,
                    taskA, "no-such-task");
        }
        JsonNode task = platform.get("/api/tasks/" + taskA).json();
        assertThat(task.path("tenantId").asText()).isEqualTo("bistro");
        assertThat(task.path("assignee").isTextual()).as("nobody claimed it: " + task).isFalse();
    }

    @Test
    void tenantAdminBCannotSeeOrTouchTenantAsSubscriptions() {
        Reply created = adminA.postJson("/admin/subscriptions",
                "{\"url\":\"http://127.0.0.1:9/hooks\",\"eventTypes\":[\"order.*\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("tenant").asText()).isEqualTo("bistro");
        String id = created.json().path("id").asText();
        String path = "/admin/subscriptions/" + id;
        Reply unknown = adminB.get("/admin/subscriptions/no-such-subscription");

        assertThat(adminB.get("/admin/subscriptions").json().findValuesAsText("id")).doesNotContain(id);
        assertAnswersAsUnknown(adminB.get(path), unknown, id, "no-such-subscription");
        assertAnswersAsUnknown(adminB.get(path + "/dead-letters"), unknown, id, "no-such-subscription");
        assertAnswersAsUnknown(adminB.post(path + "/dead-letters/replay", "application/json", ""), unknown, id,
                "no-such-subscription");
        assertAnswersAsUnknown(adminB.delete(path), unknown, id, "no-such-subscription");
        assertThat(platform.get("/admin/subscriptions").json().findValuesAsText("id")).contains(id);
        assertThat(adminA.delete(path).status()).isEqualTo(204);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** The same status, problem type and wording as for an unknown id: nothing tells the two apart. */
    static void assertAnswersAsUnknown(Reply reply, Reply unknown, String id, String unknownId) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(unknown.status()).isEqualTo(404);
        assertThat(reply.json().path("type").asText()).isEqualTo(unknown.json().path("type").asText());
        assertThat(reply.json().path("detail").asText().replace(id, "?"))
                .isEqualTo(unknown.json().path("detail").asText().replace(unknownId, "?"));
    }

    static void assertInsufficientScope(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asText()).isEqualTo(INSUFFICIENT_SCOPE);
        assertThat(reply.json().path("requiredScope").asText()).isEqualTo("platform-admin");
        assertThat(reply.json().path("detail").asText()).contains("platform-admin");
    }

    static Reply put(GatewayServer as, String path, String json) {
        return as.send(HttpRequest.newBuilder(as.uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static String user(String username, String tenantMember, String... roles) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"roles\":"
                + GatewayServer.JSON.valueToTree(List.of(roles)) + (tenantMember == null ? "" : "," + tenantMember)
                + "}";
    }

    private static String grant(String subject, String role, String domain) {
        return "{\"subject\":\"" + subject + "\",\"role\":\"" + role + "\",\"domain\":\"" + domain + "\"}";
    }

    private static String grants(String... grants) {
        return "{\"grants\":[" + String.join(",", grants) + "]}";
    }

    private static List<String> domains(Reply policies) {
        assertThat(policies.status()).as(policies.toString()).isEqualTo(200);
        List<String> domains = new ArrayList<>(policies.json().path("grants").findValuesAsText("domain"));
        domains.addAll(policies.json().path("fileGrants").findValuesAsText("domain"));
        return domains;
    }

    private static List<String> subjects(Reply policies) {
        return policies.json().path("grants").findValuesAsText("subject");
    }

    private static List<String> usernames(Reply users) {
        assertThat(users.status()).as(users.toString()).isEqualTo(200);
        return users.json().findValuesAsText("username");
    }

    private static List<String> instanceIds(Reply listing) {
        assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
        return listing.json().path("items").findValuesAsText("id");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static String askForReview(GatewayServer reviewer) {
        Reply asked = reviewer.postJson("/tenant-reviews", "{}");
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        return asked.json().path("instanceId").asText();
    }

    private static String taskOf(GatewayServer worker, String instanceId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Reply tasks = worker.get("/api/tasks?instanceId=" + instanceId);
            assertThat(tasks.status()).as(tasks.toString()).isEqualTo(200);
            for (JsonNode task : tasks.json()) {
                return task.path("id").asText();
            }
            sleep();
        }
        throw new AssertionError("no task of instance " + instanceId);
    }

    private static String awaitIncident(String instanceId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode incident : platform.get("/admin/incidents").json()) {
                if (incident.path("instanceId").asText().equals(instanceId)) {
                    return incident.path("id").asText();
                }
            }
            sleep();
        }
        throw new AssertionError("no incident for " + instanceId);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Properties every subclass starts the gateway with. */
    static Map<String, Object> properties() {
        return Map.of("flowgate.events.webhooks.allow-private-networks", true);
    }
}
