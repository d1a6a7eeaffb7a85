package io.flowgate.engine;

/** A current activity of a running instance: element id, name and BPMN type (e.g. userTask). */
public record ActivityView(String id, String name, String type) {
}
