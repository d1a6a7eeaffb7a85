package io.flowgate.gateway.admin;

import io.flowgate.engine.IncidentNotFound;
import io.flowgate.engine.IncidentView;
import io.flowgate.engine.InstanceDetails;
import io.flowgate.engine.InstanceNotFound;
import io.flowgate.engine.InstanceQuery;
import io.flowgate.engine.InstanceState;
import io.flowgate.engine.Page;
import io.flowgate.engine.FlowInstance;
import io.flowgate.engine.WorkflowEngine;
import io.flowgate.gateway.authz.AdminScope;
import io.flowgate.gateway.authz.RequiredScope;
import io.flowgate.gateway.authz.Scope;
import io.flowgate.gateway.instances.InstanceViews;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.InvalidParameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /admin/instances} and {@code /admin/incidents}: watch, inspect, cancel, retry — within the caller's admin
 * scope: the platform admin's every tenant, a tenant admin's own; another tenant's instance or incident answers
 * exactly as an unknown one.
 */
// consumes anything: a built-in route must never lose to the contract catch-all over a content type
@Consumes(MediaType.ALL)
@RequiredScope(Scope.TENANT_ADMIN)
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public class InstanceAdminController {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 200;

    private final WorkflowEngine engine;

    public InstanceAdminController(WorkflowEngine engine) {
        this.engine = engine;
    }

    /**
     * Newest first. {@code startedAfter} and {@code startedBefore} are ISO-8601 instants
     * ({@code 2026-11-23T10:00:00Z}); both bounds are included.
     */
    @Get("/instances")
    public Map<String, Object> list(HttpRequest<?> request, @QueryValue @Nullable String flow,
                                    @QueryValue @Nullable String state, @QueryValue @Nullable String businessKey,
                                    @QueryValue(defaultValue = "0") int page,
                                    @QueryValue(defaultValue = "" + DEFAULT_PAGE_SIZE) int size,
                                    @QueryValue @Nullable String startedAfter,
                                    @QueryValue @Nullable String startedBefore) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw GatewayProblem.badRequest("invalid-page",
                    "page must be ≥ 0 and size between 1 and " + MAX_PAGE_SIZE);
        }
        Instant after = InvalidParameter.instant("startedAfter", startedAfter);
        Instant before = InvalidParameter.instant("startedBefore", startedBefore);
        if (after != null && before != null && after.isAfter(before)) {
            throw new InvalidParameter("startedAfter", "startedAfter (" + after + ") is later than startedBefore ("
                    + before + ")");
        }
        Page<FlowInstance> result = engine.instances(new InstanceQuery(flow, state(state), businessKey,
                AdminScope.of(request).tenantFilter(), page, size, after, before));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", result.items().stream().map(InstanceViews::summary).toList());
        json.put("page", result.page());
        json.put("size", result.size());
        json.put("total", result.total());
        return json;
    }

    @Get("/instances/{id}")
    public Map<String, Object> read(HttpRequest<?> request, String id) {
        InstanceDetails details = engine.details(id)
                .filter(found -> AdminScope.of(request).covers(found.instance().tenantId()))
                .orElseThrow(() -> new InstanceNotFound(id));
        Map<String, Object> json = InstanceViews.withVariables(details.instance());
        json.put("history", details.history());
        json.put("incidents", details.incidents());
        return json;
    }

    /** Body (optional): {@code {"reason": "..."}}. */
    @Post("/instances/{id}/cancel")
    public Map<String, Object> cancel(HttpRequest<?> request, String id, @Body @Nullable Map<String, Object> body) {
        visibleInstance(request, id);
        Object reason = body == null ? null : body.get("reason");
        engine.cancel(id, reason == null ? "cancelled by an operator" : reason.toString());
        return engine.instance(id).map(InstanceViews::summary).orElseThrow(() -> new InstanceNotFound(id));
    }

    @Get("/incidents")
    public List<IncidentView> incidents(HttpRequest<?> request) {
        AdminScope scope = AdminScope.of(request);
        return engine.incidents().stream().filter(i -> scope.covers(i.tenantId())).toList();
    }

    @Post("/incidents/{id}/retry")
    public HttpResponse<Void> retry(HttpRequest<?> request, String id) {
        AdminScope scope = AdminScope.of(request);
        // another tenant's incident answers as an unknown one
        if (engine.incidents().stream().noneMatch(i -> i.id().equals(id) && scope.covers(i.tenantId()))) {
            throw new IncidentNotFound(id);
        }
        engine.retryIncident(id);
        return HttpResponse.accepted();
    }

    private void visibleInstance(HttpRequest<?> request, String id) {
        engine.instance(id).filter(found -> AdminScope.of(request).covers(found.tenantId()))
                .orElseThrow(() -> new InstanceNotFound(id));
    }

    private static InstanceState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return InstanceState.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw GatewayProblem.badRequest("invalid-state", "state must be one of "
                    + Arrays.toString(InstanceState.values()) + ", was '" + state + "'");
        }
    }
}
