package io.flowgate.engine.internal;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The BPMN XML of a flow version (latest when no version is given). */
final class FlowXml {

    private final EngineContext context;

    FlowXml(EngineContext context) {
        this.context = context;
    }

    Optional<String> execute(String flowKey, Integer version) {
        return definition(context.engine().getRepositoryService(), flowKey, version).map(this::read);
    }

    static Optional<ProcessDefinition> definition(RepositoryService repository, String flowKey, Integer version) {
        if (flowKey == null) {
            return Optional.empty();
        }
        ProcessDefinitionQuery query = repository.createProcessDefinitionQuery().processDefinitionKey(flowKey);
        query = version == null ? query.latestVersion() : query.processDefinitionVersion(version);
        return query.list().stream().findFirst();
    }

    private String read(ProcessDefinition definition) {
        try (InputStream in = context.engine().getRepositoryService()
                .getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the BPMN of " + definition.getId(), e);
        }
    }
}
