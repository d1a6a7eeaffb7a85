package io.flowgate.contracts.triggers;

import java.util.Map;

/**
 * What a trigger made of a record.
 *
 * @param businessKey the rendered {@code business-key}, null when the trigger declares none
 * @param variables   process variables as JSON-like Java values (String, Number, Boolean, Map, List, null)
 */
public record MappedEvent(String businessKey, Map<String, Object> variables) {
}
