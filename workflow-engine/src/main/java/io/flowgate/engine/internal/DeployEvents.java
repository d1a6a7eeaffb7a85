package io.flowgate.engine.internal;

import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;

import java.util.List;

/**
 * {@code flow.deployed} for each process of a new deployment, written by the deploy command. Runs after Camunda's
 * BPMN deployer, when the definitions have their ids and versions. The same deployer is also called when a node
 * loads a stored deployment into its cache (after a restart, or one made by another node): that is not new and
 * is not announced again.
 */
final class DeployEvents implements Deployer {

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        List<ProcessDefinition> definitions = deployment.getDeployedProcessDefinitions();
        if (definitions != null) {
            definitions.forEach(definition -> EngineEvents.flowDeployed(definition, deployment));
        }
    }
}
