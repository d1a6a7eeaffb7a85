package io.flowgate.engine.internal;

import io.flowgate.connectors.ConnectorRegistry;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

import java.util.function.Supplier;

/**
 * Binds service and send tasks that declare {@code camunda:connector} to {@link ConnectorBehavior}, and refuses
 * script tasks even if a file bypassed the deploy checks (defence in depth: the engine would otherwise run them).
 */
final class ConnectorParseListener extends AbstractBpmnParseListener {

    private final Supplier<ConnectorRegistry> registry;
    private final VariableCodec codec;

    ConnectorParseListener(Supplier<ConnectorRegistry> registry, VariableCodec codec) {
        this.registry = registry;
        this.codec = codec;
    }

    @Override
    public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        bindConnector(element, activity);
    }

    @Override
    public void parseSendTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        bindConnector(element, activity);
    }

    @Override
    public void parseScriptTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        throw new ProcessEngineException("script tasks are not allowed (element '" + activity.getId() + "')");
    }

    private void bindConnector(Element element, ActivityImpl activity) {
        Element connector = BpmnParseUtil.findCamundaExtensionElement(element, "connector");
        if (connector == null) {
            return;
        }
        Element idElement = connector.element("connectorId");
        String connectorId = idElement == null ? null : idElement.getText().trim();
        if (connectorId == null || connectorId.isEmpty()) {
            throw new ProcessEngineException("camunda:connector of '" + activity.getId() + "' has no connectorId");
        }
        activity.setActivityBehavior(new ConnectorBehavior(connectorId, BpmnParseUtil.parseInputOutput(connector),
                registry.get(), codec));
    }
}
