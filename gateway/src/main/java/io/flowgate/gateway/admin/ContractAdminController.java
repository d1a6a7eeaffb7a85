package io.flowgate.gateway.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.ContractNotFound;
import io.flowgate.contracts.ContractRegistry;
import io.flowgate.contracts.ContractVersion;
import io.flowgate.contracts.PublishReport;
import io.flowgate.gateway.authz.RequiredScope;
import io.flowgate.gateway.authz.Scope;
import io.flowgate.gateway.problem.GatewayProblem;
import io.flowgate.gateway.problem.InvalidParameter;
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

/** {@code /admin/contracts}: publish (or dry-run), list, read, version history, diff, documents, delete. */
// consumes anything: a built-in route must never lose to the contract catch-all over a content type
@Consumes(MediaType.ALL)
@RequiredScope(Scope.TENANT_ADMIN)
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
    @RequiredScope(Scope.PLATFORM_ADMIN)
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

    /**
     * {@code ?from=&to=}: what changed from one stored version to another ({@code to} defaults to the newest), each
     * change judged breaking or not ({@link io.flowgate.contracts.ContractDiff}).
     */
    @Get("/{name}/diff")
    public Map<String, Object> diff(String name, @QueryValue @Nullable String from, @QueryValue @Nullable String to) {
        if (from == null || from.isBlank()) {
            throw new InvalidParameter("from", "from is required: the version to compare from (see "
                    + "/admin/contracts/" + name + "/versions)");
        }
        int earlier = InvalidParameter.wholeNumber("from", from, null, 1, Integer.MAX_VALUE);
        Integer later = InvalidParameter.wholeNumber("to", to, null, 1, Integer.MAX_VALUE);
        return ContractJson.diff(registry.diff(name, earlier, later));
    }

    /**
     * {@code ?version=} (default: the newest): the version's OpenAPI document as JSON, its local {@code $ref}s
     * inlined and its {@code x-} extensions kept, for the console's documentation view.
     */
    @Get("/{name}/openapi")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode openApi(String name, @QueryValue @Nullable String version) {
        return registry.openApiDocument(name, InvalidParameter.wholeNumber("version", version, null, 1,
                Integer.MAX_VALUE));
    }

    @RequiredScope(Scope.PLATFORM_ADMIN)
    @Delete("/{name}")
    public HttpResponse<Void> delete(String name) {
        lock.guarded(() -> {
            registry.delete(name);
            return null;
        });
        return HttpResponse.noContent();
    }
}
