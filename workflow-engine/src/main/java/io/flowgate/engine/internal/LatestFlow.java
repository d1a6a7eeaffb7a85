package io.flowgate.engine.internal;

import io.flowgate.engine.FlowModel;
import io.flowgate.engine.deploy.FlowModelReader;
import io.flowgate.engine.deploy.SafeXml;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The model of the latest deployed version of a flow, read from its deployed XML. */
final class LatestFlow {

    private final EngineContext context;
    private final FlowXml xml;

    LatestFlow(EngineContext context, FlowXml xml) {
        this.context = context;
        this.xml = xml;
    }

    Optional<FlowModel> execute(String flowKey) {
        return FlowXml.definition(context.engine().getRepositoryService(), flowKey, null).flatMap(definition ->
                xml.execute(flowKey, definition.getVersion()).flatMap(text -> FlowModelReader
                        .read(SafeXml.parse(definition.getResourceName(), text.getBytes(StandardCharsets.UTF_8)),
                                definition.getVersion())
                        .stream().filter(model -> flowKey.equals(model.key())).findFirst()));
    }
}
