package io.flowgate.engine.internal;

import io.flowgate.connectors.Connector;
import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.ConnectorParameter;
import io.flowgate.connectors.ConnectorRegistry;
import io.flowgate.connectors.ConnectorRequest;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.impl.bpmn.behavior.AbstractBpmnActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.helper.BpmnExceptionHandler;
import org.camunda.bpm.engine.impl.core.variable.mapping.InputParameter;
import org.camunda.bpm.engine.impl.core.variable.mapping.IoMapping;
import org.camunda.bpm.engine.impl.core.variable.mapping.OutputParameter;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a registered {@link Connector} as a service task: evaluates the connector's input parameters, calls it and
 * maps its outputs. A {@link ConnectorBusinessError} becomes a BPMN error the model can catch; any other exception
 * is a technical failure (the transaction rolls back; in a job, the job is retried and then raises an incident).
 */
final class ConnectorBehavior extends AbstractBpmnActivityBehavior {

    private final String connectorId;
    private final List<InputParameter> inputs;
    private final List<OutputParameter> outputs;
    private final ConnectorRegistry registry;
    private final VariableCodec codec;

    ConnectorBehavior(String connectorId, IoMapping mapping, ConnectorRegistry registry, VariableCodec codec) {
        this.connectorId = connectorId;
        this.inputs = mapping == null ? List.of() : List.copyOf(mapping.getInputParameters());
        this.outputs = mapping == null ? List.of() : List.copyOf(mapping.getOutputParameters());
        this.registry = registry;
        this.codec = codec;
    }

    @Override
    public void execute(ActivityExecution execution) throws Exception {
        String activityId = execution.getCurrentActivityId();
        Connector connector = registry.find(connectorId).orElseThrow(() -> new ActivityFailure(
                "connector '" + connectorId + "' of task '" + activityId + "' is not registered on this node",
                activityId, null));
        Map<String, Object> values = evaluateInputs(execution, activityId);
        checkRequired(connector, values, activityId);
        Map<String, Object> results;
        try {
            results = connector.execute(new ConnectorRequest(execution.getProcessInstanceId(), activityId,
                    execution.getProcessBusinessKey(), execution.getTenantId(), values));
        } catch (ConnectorBusinessError error) {
            FlowErrors.record(execution, error.code(), error.getMessage(), activityId);
            BpmnExceptionHandler.propagateBpmnError(new BpmnError(error.code(), error.getMessage()), execution);
            return;
        } catch (RuntimeException failure) {
            throw new ActivityFailure("connector '" + connectorId + "' of task '" + activityId + "' failed: "
                    + failure.getMessage(), activityId, failure);
        }
        applyOutputs(execution, withDeclaredOutputs(connector, results));
        leave(execution);
    }

    private Map<String, Object> evaluateInputs(ActivityExecution execution, String activityId) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (InputParameter input : inputs) {
            try {
                values.put(input.getName(), input.getValueProvider().getValue(execution));
            } catch (ProcessEngineException failure) {
                throw new ActivityFailure("input '" + input.getName() + "' of task '" + activityId
                        + "' cannot be evaluated: " + failure.getMessage(), activityId, failure);
            }
        }
        return values;
    }

    private void checkRequired(Connector connector, Map<String, Object> values, String activityId) {
        for (ConnectorParameter parameter : connector.descriptor().inputs()) {
            if (parameter.required() && values.get(parameter.name()) == null) {
                throw new ActivityFailure("connector '" + connectorId + "' of task '" + activityId
                        + "' needs the input '" + parameter.name() + "', which is missing or null", activityId, null);
            }
        }
    }

    /**
     * Every declared output is present (null when the connector left it out), so output mappings written from the
     * element template ({@code ${name}} for each declared output) never fail on an output that happens to be absent.
     */
    private static Map<String, Object> withDeclaredOutputs(Connector connector, Map<String, Object> results) {
        Map<String, Object> complete = new LinkedHashMap<>(results == null ? Map.of() : results);
        connector.descriptor().outputs().forEach(output -> complete.putIfAbsent(output.name(), null));
        return complete;
    }

    private void applyOutputs(ActivityExecution execution, Map<String, Object> results) {
        if (outputs.isEmpty()) {
            results.forEach((name, value) -> execution.setVariable(name, codec.toTyped(name, value)));
            return;
        }
        var scope = new ConnectorOutputScope(results, (AbstractVariableScope) execution);
        Map<String, Object> mapped = new LinkedHashMap<>();
        for (OutputParameter output : outputs) {
            mapped.put(output.getName(), output.getValueProvider().getValue(scope));
        }
        mapped.forEach((name, value) -> execution.setVariable(name, codec.toTyped(name, value)));
    }
}
