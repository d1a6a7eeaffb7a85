package io.flowgate.gateway.triggers;

import io.flowgate.gateway.authz.RequiredScope;
import io.flowgate.gateway.authz.Scope;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;

/** {@code GET /admin/triggers}: every {@code x-flow-triggers} entry, whether this node consumes it, and counts. */
@RequiredScope(Scope.PLATFORM_ADMIN)
@Controller("/admin/triggers")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TriggerAdminController {

    private final KafkaTriggers triggers;

    public TriggerAdminController(KafkaTriggers triggers) {
        this.triggers = triggers;
    }

    @Get
    public List<TriggerStatus> list() {
        triggers.refresh(); // a contract published a moment ago shows at once
        return triggers.status();
    }
}
