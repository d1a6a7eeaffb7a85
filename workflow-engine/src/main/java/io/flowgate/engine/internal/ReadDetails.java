package io.flowgate.engine.internal;

import io.flowgate.engine.ActivityRecord;
import io.flowgate.engine.IncidentView;
import io.flowgate.engine.InstanceDetails;
import org.camunda.bpm.engine.history.HistoricActivityInstance;

import java.util.List;
import java.util.Optional;

/** An instance with its activity history (oldest first) and its open incidents. */
final class ReadDetails {

    private final EngineContext context;
    private final IncidentViews incidents;

    ReadDetails(EngineContext context, IncidentViews incidents) {
        this.context = context;
        this.incidents = incidents;
    }

    Optional<InstanceDetails> execute(String instanceId) {
        return context.reader().read(instanceId).map(instance -> new InstanceDetails(instance,
                history(instanceId), openIncidents(instanceId)));
    }

    private List<ActivityRecord> history(String instanceId) {
        return context.engine().getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(instanceId).orderByHistoricActivityInstanceStartTime().asc()
                .orderPartiallyByOccurrence().asc().list().stream().map(ReadDetails::record).toList();
    }

    private static ActivityRecord record(HistoricActivityInstance activity) {
        return new ActivityRecord(activity.getActivityId(), activity.getActivityName(), activity.getActivityType(),
                InstanceReader.instant(activity.getStartTime()), InstanceReader.instant(activity.getEndTime()),
                activity.isCanceled());
    }

    private List<IncidentView> openIncidents(String instanceId) {
        return context.engine().getRuntimeService().createIncidentQuery().processInstanceId(instanceId).list()
                .stream().map(incidents::view).toList();
    }
}
