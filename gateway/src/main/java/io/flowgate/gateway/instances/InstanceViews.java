package io.flowgate.gateway.instances;

import io.flowgate.engine.ActivityView;
import io.flowgate.engine.FlowError;
import io.flowgate.engine.FlowInstance;

import java.util.LinkedHashMap;
import java.util.List;
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
        view.put("activities", activities(instance.activities()));
        view.put("startedAt", instance.startedAt());
        view.put("endedAt", instance.endedAt());
        instance.error().ifPresent(error -> view.put("error", error(error)));
        return view;
    }

    /** Admin view: the summary plus variables and tenant. */
    public static Map<String, Object> withVariables(FlowInstance instance) {
        Map<String, Object> view = summary(instance);
        view.put("tenantId", instance.tenantId());
        view.put("variables", instance.variables());
        return view;
    }

    private static List<Map<String, Object>> activities(List<ActivityView> activities) {
        return activities.stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("name", a.name());
            m.put("type", a.type());
            return m;
        }).toList();
    }

    private static Map<String, Object> error(FlowError error) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", error.code());
        m.put("message", error.message());
        m.put("activityId", error.activityId());
        return m;
    }
}
