package io.flowgate.engine;

import java.util.Map;
import java.util.Set;

/**
 * What a deployed (or inspected) process offers to contracts: used by the consistency checks.
 *
 * @param key        process id ({@code x-flow-id})
 * @param name       process name, may be null
 * @param version    deployed version, 0 when only inspected
 * @param messages   message names of every message start / catch event / receive task
 * @param userTasks  user task definition keys → names
 * @param connectors connector ids used by its service tasks
 */
public record FlowModel(String key, String name, int version, Set<String> messages, Map<String, String> userTasks,
                        Set<String> connectors) {
    public FlowModel {
        messages = Set.copyOf(messages);
        userTasks = Map.copyOf(userTasks);
        connectors = Set.copyOf(connectors);
    }
}
