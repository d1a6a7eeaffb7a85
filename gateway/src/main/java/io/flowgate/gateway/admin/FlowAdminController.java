package io.flowgate.gateway.admin;

import io.flowgate.contracts.ContractRegistry;
import io.flowgate.engine.FlowDeployment;
import io.flowgate.engine.FlowInspection;
import io.flowgate.engine.FlowModel;
import io.flowgate.engine.FlowNotFound;
import io.flowgate.engine.FlowSummary;
import io.flowgate.engine.WorkflowEngine;
import io.flowgate.gateway.authz.RequiredScope;
import io.flowgate.gateway.authz.Scope;
import io.flowgate.gateway.consistency.FlowDeployGuard;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.ProblemTable;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code /admin/flows}: deploy BPMN (or dry-run the checks), list versions, read the XML. */
// consumes anything: a built-in route must never lose to the contract catch-all over a content type
@Consumes(MediaType.ALL)
@RequiredScope(Scope.TENANT_ADMIN)
@Controller("/admin/flows")
@ExecuteOn(TaskExecutors.BLOCKING)
public class FlowAdminController {

    private static final String DEFAULT_FILE = "flow.bpmn";

    private final WorkflowEngine engine;
    private final ContractRegistry registry;
    private final FlowDeployGuard guard;
    private final ChangeLock lock;

    public FlowAdminController(WorkflowEngine engine, ContractRegistry registry, FlowDeployGuard guard,
                               ChangeLock lock) {
        this.engine = engine;
        this.registry = registry;
        this.guard = guard;
        this.lock = lock;
    }

    /** Body: the BPMN XML. {@code ?file=} names it in findings; {@code ?dryRun=true} only checks. */
    @RequiredScope(Scope.PLATFORM_ADMIN)
    @Post
    public HttpResponse<Map<String, Object>> deploy(@Body @Nullable byte[] body, @QueryValue @Nullable String file,
                                                    @QueryValue(defaultValue = "false") boolean dryRun) {
        if (body == null || body.length == 0) {
            throw GatewayProblem.badRequest("flow-missing", "send the BPMN XML as the request body");
        }
        String fileName = file == null || file.isBlank() ? DEFAULT_FILE : file;
        if (dryRun) {
            FlowInspection inspection = guard.check(fileName, body);
            return HttpResponse.ok(Map.of("ok", true,
                    "flows", inspection.models().stream().map(FlowModel::key).toList(),
                    "warnings", ProblemTable.flowFindings(inspection.warnings())));
        }
        FlowDeployment deployment = lock.guarded(() -> {
            guard.check(fileName, body);
            FlowDeployment deployed = engine.deploy(fileName, body);
            registry.recheck();
            return deployed;
        });
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("deploymentId", deployment.deploymentId());
        json.put("created", deployment.created());
        json.put("flows", deployment.flows());
        json.put("warnings", ProblemTable.flowFindings(deployment.warnings()));
        return HttpResponse.status(deployment.created() ? HttpStatus.CREATED : HttpStatus.OK).body(json);
    }

    /** One entry per flow key, its versions newest first, and the live operations that use it. */
    @Get
    public List<Map<String, Object>> list() {
        Map<String, List<FlowSummary>> byKey = engine.flows().stream()
                .collect(Collectors.groupingBy(FlowSummary::key, LinkedHashMap::new, Collectors.toList()));
        return byKey.entrySet().stream().map(e -> flow(e.getKey(), e.getValue())).toList();
    }

    @Get("/{key}")
    public Map<String, Object> read(String key) {
        List<FlowSummary> versions = engine.flows().stream().filter(f -> f.key().equals(key)).toList();
        if (versions.isEmpty()) {
            throw new FlowNotFound(key);
        }
        return flow(key, versions);
    }

    @Get("/{key}/xml")
    @Produces(MediaType.APPLICATION_XML)
    public String xml(String key, @QueryValue @Nullable Integer version) {
        return engine.xml(key, version).orElseThrow(() -> new FlowNotFound(key));
    }

    private Map<String, Object> flow(String key, List<FlowSummary> versions) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", key);
        json.put("name", versions.get(0).name());
        json.put("latestVersion", versions.stream().mapToInt(FlowSummary::version).max().orElse(0));
        json.put("versions", versions);
        json.put("usedBy", registry.operationsUsing(key).stream()
                .map(op -> Map.of("contract", op.contractName(), "operation", op.label())).toList());
        return json;
    }

}
