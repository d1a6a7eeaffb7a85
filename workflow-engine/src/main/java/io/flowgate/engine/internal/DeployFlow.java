package io.flowgate.engine.internal;

import io.flowgate.engine.FlowDeployment;
import io.flowgate.engine.FlowFinding;
import io.flowgate.engine.FlowModel;
import io.flowgate.engine.FlowSummary;
import io.flowgate.engine.deploy.FlowChecker;
import io.flowgate.engine.deploy.FlowModelReader;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks and deploys one BPMN file. The deployment is named after the file and filtered for duplicates, so the
 * same content deployed again yields the existing versions instead of new ones. A new version replaces the timer
 * start events of the one before it, which may be firing meanwhile: {@link TimerStartJobs} explains the lock.
 */
final class DeployFlow {

    private final EngineContext context;
    private final TimerStartJobs timerStarts;

    DeployFlow(EngineContext context, TimerStartJobs timerStarts) {
        this.context = context;
        this.timerStarts = timerStarts;
    }

    FlowDeployment execute(String fileName, byte[] bpmn) {
        FlowChecker.CheckedFlow checked = context.checker().checkOrReject(fileName, bpmn);
        List<FlowFinding> warnings = checked.warnings();
        Set<String> flowKeys = FlowModelReader.read(checked.document(), 0).stream().map(FlowModel::key)
                .collect(Collectors.toSet());
        RepositoryService repository = context.engine().getRepositoryService();
        Set<String> earlier = repository.createDeploymentQuery().deploymentName(fileName).list().stream()
                .map(Deployment::getId).collect(Collectors.toSet());
        Deployment deployment;
        try {
            deployment = timerStarts.lockedFor(flowKeys, () -> repository.createDeployment().name(fileName)
                    .enableDuplicateFiltering(false).addInputStream(resourceName(fileName),
                            new ByteArrayInputStream(bpmn)).deploy());
        } catch (ParseException e) {
            throw EngineExceptions.rejected(fileName, e);
        }
        context.definitions().forgetAll();
        List<FlowSummary> flows = FlowSummaries.of(repository, repository.createProcessDefinitionQuery()
                .deploymentId(deployment.getId()).orderByProcessDefinitionKey().asc().list());
        return new FlowDeployment(deployment.getId(), flows, !earlier.contains(deployment.getId()), warnings);
    }

    /** Camunda only parses resources whose name ends in .bpmn or .bpmn20.xml. */
    static String resourceName(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "flow" : fileName;
        return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml") ? name : name + ".bpmn";
    }
}
