package io.flowgate.gateway.admin;

import io.flowgate.contracts.ContractNotFound;
import io.flowgate.contracts.ContractRegistry;
import io.flowgate.contracts.ContractVersion;
import io.flowgate.contracts.PublishReport;
import io.flowgate.gateway.problem.GatewayProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** {@code /admin/contracts}: publish (or dry-run), list, read, version history, delete. */
// consumes anything: a built-in route must never lose to the contract catch-all over a content type
@Consumes(MediaType.ALL)
@Controller("/admin/contracts")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ContractAdminController {

    private final ContractRegistry registry;
    private final ChangeLock lock;

    public ContractAdminController(ContractRegistry registry, ChangeLock lock) {
        this.registry = registry;
        this.lock = lock;
    }

    /** Body: the OpenAPI document (YAML or JSON). {@code ?name=} overrides its name; {@code ?dryRun=true} only checks. */
    @Post
    public HttpResponse<Map<String, Object>> publish(@Body @Nullable byte[] body, @QueryValue @Nullable String name,
                                                     @QueryValue(defaultValue = "false") boolean dryRun) {
        if (body == null || body.length == 0) {
            throw GatewayProblem.badRequest("contract-missing",
                    "send the OpenAPI document (YAML or JSON) as the request body");
        }
        String source = new String(body, StandardCharsets.UTF_8);
        if (dryRun) {
            return HttpResponse.ok(ContractJson.report(registry.check(source, name)));
        }
        PublishReport report = lock.guarded(() -> registry.publish(source, name));
        return HttpResponse.status(report.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .header("Location", "/admin/contracts/" + report.contract().name())
                .body(ContractJson.report(report));
    }

    @Get
    public List<Map<String, Object>> list() {
        return registry.contracts().stream().map(ContractJson::summary).toList();
    }

    @Get("/{name}")
    public Map<String, Object> read(String name) {
        return registry.contract(name).map(ContractJson::detail).orElseThrow(() -> new ContractNotFound(name));
    }

    @Get("/{name}/versions")
    public List<ContractVersion> versions(String name) {
        List<ContractVersion> versions = registry.versions(name);
        if (versions.isEmpty()) {
            throw new ContractNotFound(name);
        }
        return versions;
    }

    @Get("/{name}/versions/{version}/source")
    @Produces(MediaType.TEXT_PLAIN)
    public String source(String name, int version) {
        return registry.source(name, version).orElseThrow(() -> GatewayProblem.notFound(
                "contract '" + name + "' has no version " + version));
    }

    @Delete("/{name}")
    public HttpResponse<Void> delete(String name) {
        lock.guarded(() -> {
            registry.delete(name);
            return null;
        });
        return HttpResponse.noContent();
    }
}
