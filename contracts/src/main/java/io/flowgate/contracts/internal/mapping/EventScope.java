package io.flowgate.contracts.internal.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.flowgate.contracts.internal.template.MapScope;
import io.flowgate.contracts.internal.template.TemplateRoots;
import io.flowgate.contracts.mapping.TemplateScope;
import io.flowgate.contracts.triggers.TriggerEvent;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The roots a trigger's templates read: {@code value}, {@code key}, {@code headers}, {@code event}. */
public final class EventScope {

    /** {@code x-flow-triggers} templates: parts of a received record. */
    public static final TemplateRoots ROOTS = new TemplateRoots(Set.of("value", "key", "headers", "event"),
            Map.of("event", Set.of("id", "topic", "partition", "offset", "timestamp")), Set.of("headers"));

    private EventScope() {
    }

    public static TemplateScope of(TriggerEvent event) {
        ObjectNode headers = JsonNodeFactory.instance.objectNode();
        event.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
        ObjectNode metadata = JsonNodeFactory.instance.objectNode()
                .put("id", event.id())
                .put("topic", event.topic())
                .put("partition", event.partition())
                .put("offset", event.offset());
        if (event.timestamp() != null) {
            metadata.put("timestamp", event.timestamp().toString());
        }
        Map<String, JsonNode> roots = new HashMap<>();
        roots.put("value", event.value());
        roots.put("headers", headers);
        roots.put("event", metadata);
        if (event.key() != null) {
            roots.put("key", TextNode.valueOf(event.key()));
        }
        return new MapScope(roots);
    }
}
