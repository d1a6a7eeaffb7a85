package io.flowgate.gateway.instances;

import io.flowgate.engine.FlowInstance;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON shapes of instances shared by the status resource and the admin API. */
public final class InstanceViews {

    private InstanceViews() {
    }

    /** Public summary: no variables. */
    public static Map<String, Object> summary(FlowInstance instance) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", instance.id());
        view.put("flow", instance.flowKey());
        view.put("flowVersion", instance.flowVersion());
        view.put("businessKey", instance.businessKey());
        view.put("state", instance.state().name());
        view.put("activities", instance.activities());
        view.put("startedAt", instance.startedAt());
        view.put("endedAt", instance.endedAt());
        instance.error().ifPresent(error -> view.put("error", error));
        return view;
    }

    /** Admin view: the summary plus variables and tenant. */
    public static Map<String, Object> withVariables(FlowInstance instance) {
        Map<String, Object> view = summary(instance);
        view.put("tenantId", instance.tenantId());
        view.put("variables", instance.variables());
        return view;
    }
}
