package io.flowgate.engine.internal;

import io.flowgate.engine.FlowModel;
import io.flowgate.engine.deploy.FlowModelReader;
import io.flowgate.engine.deploy.SafeXml;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The model of a deployed version of a flow (the latest when no version is given), read from its deployed XML. */
final class ReadFlowModel {

    private final EngineContext context;
    private final FlowXml xml;

    ReadFlowModel(EngineContext context, FlowXml xml) {
        this.context = context;
        this.xml = xml;
    }

    Optional<FlowModel> execute(String flowKey, Integer version) {
        return FlowXml.definition(context.engine().getRepositoryService(), flowKey, version).flatMap(definition ->
                xml.execute(flowKey, definition.getVersion()).flatMap(text -> FlowModelReader
                        .read(SafeXml.parse(definition.getResourceName(), text.getBytes(StandardCharsets.UTF_8)),
                                definition.getVersion())
                        .stream().filter(model -> flowKey.equals(model.key())).findFirst()));
    }
}
