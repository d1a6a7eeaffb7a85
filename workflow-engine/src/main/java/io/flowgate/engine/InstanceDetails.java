package io.flowgate.engine;

import java.util.List;

/** An instance with its activity history, oldest first, and its open incidents. */
public record InstanceDetails(FlowInstance instance, List<ActivityRecord> history, List<IncidentView> incidents) {
}
