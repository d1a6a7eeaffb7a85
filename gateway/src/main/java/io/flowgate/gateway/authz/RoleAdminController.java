package io.flowgate.gateway.authz;

import io.flowgate.contracts.ContractRegistry;
import io.flowgate.contracts.ContractView;
import io.flowgate.engine.WorkflowEngine;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.users.UserDirectory;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code /admin/roles}: every role name the platform knows, for the flow designer to offer as candidate groups.
 * Roles are not declared anywhere on their own; they exist where they are used: granted (policy file and stored
 * grants, both sides of a role hierarchy), held by users, required by live contract operations
 * ({@code x-required-roles}), offered user tasks of deployed flows (literal candidate groups), and {@code admin}.
 * Contracts, flows and grants in every tenant ({@code *}) are shared; a tenant admin sees, besides those, the roles
 * held and granted in its own tenant, never another tenant's.
 */
// consumes anything: a built-in route must never lose to the contract catch-all over a content type
@Consumes(MediaType.ALL)
@RequiredScope(Scope.TENANT_ADMIN)
@Controller("/admin/roles")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RoleAdminController {

    private final Grants grants;
    private final UserDirectory users;
    private final ContractRegistry registry;
    private final WorkflowEngine engine;

    public RoleAdminController(Grants grants, UserDirectory users, ContractRegistry registry, WorkflowEngine engine) {
        this.grants = grants;
        this.users = users;
        this.registry = registry;
        this.engine = engine;
    }

    /** {@code {"roles": [sorted, unique]}}. */
    @Get
    public Map<String, List<String>> roles(HttpRequest<?> request) {
        AdminScope scope = AdminScope.of(request);
        Stream<String> granted = Stream.concat(grants.fromFile().stream(), grants.stored().stream())
                .filter(grant -> Grant.ANY_TENANT.equals(grant.domain()) || GrantScope.sees(scope, grant))
                .flatMap(grant -> grant.roleSubject() ? Stream.of(grant.role(), grant.subjectName())
                        : Stream.of(grant.role()));
        Stream<String> held = users.list(scope).stream().flatMap(user -> user.roles().stream());
        Stream<String> required = registry.contracts().stream().map(ContractView::contract)
                .flatMap(contract -> contract.operations().stream())
                .flatMap(operation -> operation.policy().requiredRoles().stream());
        Stream<String> offered = engine.candidateGroups().stream();
        SortedSet<String> roles = Stream.of(Stream.of(Caller.ADMIN_ROLE), granted, held, required, offered)
                .flatMap(source -> source).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        return Map.of("roles", List.copyOf(roles));
    }
}
