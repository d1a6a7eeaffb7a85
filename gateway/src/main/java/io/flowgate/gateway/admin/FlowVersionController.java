package io.flowgate.gateway.admin;

import io.flowgate.contracts.ContractRegistry;
import io.flowgate.engine.FlowSummary;
import io.flowgate.engine.WorkflowEngine;
import io.flowgate.gateway.authz.RequiredScope;
import io.flowgate.gateway.authz.Scope;
import io.flowgate.gateway.consistency.FlowDeployGuard;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code /admin/flows/{key}/versions/{version}}: the lifecycle of one deployed version. Flows are shared by every
 * tenant, so only the platform admin changes them.
 * <ul>
 *   <li>{@code POST …/suspend}: starts of the flow (operations, webhooks, Kafka triggers) are refused with
 *   {@code 409 flow-suspended} while this is its latest version, and its timer start events stop; running instances
 *   go on.</li>
 *   <li>{@code POST …/activate}: undoes it.</li>
 *   <li>{@code DELETE}: removes a version no instance runs on ({@code 409 flow-version-in-use} with the count
 *   otherwise), unless live operations would lose their flow ({@code 409 flow-used-by-contract}).</li>
 * </ul>
 */
// consumes anything: a built-in route must never lose to the contract catch-all over a content type
@Consumes(MediaType.ALL)
@RequiredScope(Scope.PLATFORM_ADMIN)
@Controller("/admin/flows/{key}/versions/{version}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class FlowVersionController {

    private final WorkflowEngine engine;
    private final ContractRegistry registry;
    private final FlowDeployGuard guard;
    private final ChangeLock lock;

    public FlowVersionController(WorkflowEngine engine, ContractRegistry registry, FlowDeployGuard guard,
                                 ChangeLock lock) {
        this.engine = engine;
        this.registry = registry;
        this.guard = guard;
        this.lock = lock;
    }

    /** @return the version as it stands after ({@code suspended: true}) */
    @Post("/suspend")
    public FlowSummary suspend(String key, int version) {
        return engine.suspend(key, version);
    }

    /** @return the version as it stands after ({@code suspended: false}) */
    @Post("/activate")
    public FlowSummary activate(String key, int version) {
        return engine.activate(key, version);
    }

    /** {@code 204}; the version before it (if any) is the latest again. */
    @Delete
    public HttpResponse<Void> undeploy(String key, int version) {
        lock.guarded(() -> {
            guard.checkUndeploy(key, version);
            engine.undeploy(key, version);
            registry.recheck();
            return null;
        });
        return HttpResponse.noContent();
    }
}
