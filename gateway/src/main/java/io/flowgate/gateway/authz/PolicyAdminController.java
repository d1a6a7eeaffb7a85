package io.flowgate.gateway.authz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.contracts.ContractRegistry;
import io.flowgate.contracts.ContractView;
import io.flowgate.contracts.Operation;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/policies}: the role grants (stored ones editable, the policy file's read-only) and, for reference,
 * which roles each live operation requires. The platform admin sees and replaces every grant; a tenant admin only
 * those of its own tenant's domain ({@link GrantScope}), and its {@code PUT} leaves every other domain as stored.
 */
// consumes anything: a built-in route must never lose to the contract catch-all over a content type
@Consumes(MediaType.ALL)
@RequiredScope(Scope.TENANT_ADMIN)
@Controller("/admin/policies")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PolicyAdminController {

    private final Grants grants;
    private final ContractRegistry registry;
    private final ObjectMapper json;

    public PolicyAdminController(Grants grants, ContractRegistry registry, ObjectMapper json) {
        this.grants = grants;
        this.registry = registry;
        this.json = json;
    }

    /** {@code {grants, fileGrants, operations}}: the grants within the caller's scope, every live operation. */
    @Get
    public Map<String, Object> show(HttpRequest<?> request) {
        return show(AdminScope.of(request));
    }

    private Map<String, Object> show(AdminScope scope) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grants", grants.stored().stream().filter(g -> GrantScope.sees(scope, g))
                .map(PolicyAdminController::grant).toList());
        body.put("fileGrants", grants.fromFile().stream().filter(g -> GrantScope.sees(scope, g))
                .map(PolicyAdminController::grant).toList());
        body.put("operations", registry.contracts().stream().map(ContractView::contract)
                .flatMap(contract -> contract.operations().stream()).map(PolicyAdminController::operation).toList());
        return body;
    }

    /**
     * Body {@code {grants: [{subject, role, domain}, …]}}, effective at once: the platform admin's replaces every
     * stored grant; a tenant admin's replaces its own domain's (every grant must be in it, else 403 before anything
     * is written).
     */
    @Put
    public Map<String, Object> replace(HttpRequest<?> request, @Body @Nullable String body) {
        AdminScope scope = AdminScope.of(request);
        List<Grant> wanted = parse(body);
        GrantScope.checkReplace(scope, wanted);
        try {
            if (scope.platform()) {
                grants.replace(wanted);
            } else {
                grants.replaceDomain(scope.tenant(), wanted);
            }
        } catch (InvalidGrants invalid) {
            throw invalid(invalid.problems());
        }
        return show(scope);
    }

    private List<Grant> parse(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            throw invalid(List.of("the body is not JSON"));
        }
        if (root == null || !root.isObject() || !root.path("grants").isArray()) {
            throw invalid(List.of("the body must be a JSON object "
                    + "{\"grants\": [{\"subject\", \"role\", \"domain\"}]}"));
        }
        List<Grant> parsed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        JsonNode items = root.get("grants");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                problems.add("grants[" + i + "]: must be an object {subject, role, domain}");
                continue;
            }
            parsed.add(new Grant(text(item, "subject"), text(item, "role"), text(item, "domain")));
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return parsed;
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static GatewayProblem invalid(List<String> problems) {
        return new GatewayProblem(Problem.of(400, "invalid-grants", "Invalid grants",
                problems.size() == 1 ? problems.get(0) : problems.size() + " grants are invalid")
                .with("errors", problems));
    }

    private static Map<String, Object> grant(Grant grant) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", grant.subject());
        m.put("role", grant.role());
        m.put("domain", grant.domain());
        return m;
    }

    private static Map<String, Object> operation(Operation operation) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contract", operation.contractName());
        m.put("operation", operation.operationId() == null ? operation.label() : operation.operationId());
        m.put("method", operation.method());
        m.put("path", operation.path());
        m.put("roles", operation.policy().requiredRoles().stream().sorted().toList());
        m.put("public", operation.policy().isPublic());
        return m;
    }
}
