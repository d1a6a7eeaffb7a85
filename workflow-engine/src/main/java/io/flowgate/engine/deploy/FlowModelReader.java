package io.flowgate.engine.deploy;

import io.flowgate.engine.FlowModel;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads what each process of a (checked) BPMN document offers to contracts: messages, user tasks, connectors. */
public final class FlowModelReader {

    private static final Set<String> MESSAGE_CATCHERS = Set.of("startEvent", "intermediateCatchEvent",
            "boundaryEvent");

    private FlowModelReader() {
    }

    /** The models of every process in the document; {@code version} is stamped on each. */
    public static List<FlowModel> read(Document document, int version) {
        Element root = document.getDocumentElement();
        Map<String, String> messageNames = messageNames(root);
        List<FlowModel> models = new ArrayList<>();
        for (Element process : elements(root, "process")) {
            if ("false".equals(process.getAttribute("isExecutable"))) {
                continue;
            }
            String name = process.getAttribute("name");
            models.add(new FlowModel(process.getAttribute("id"), name.isEmpty() ? null : name, version,
                    messages(process, messageNames), userTasks(process), connectors(process)));
        }
        return models;
    }

    private static Map<String, String> messageNames(Element root) {
        Map<String, String> names = new HashMap<>();
        for (Element message : elements(root, "message")) {
            names.put(message.getAttribute("id"), message.getAttribute("name"));
        }
        return names;
    }

    private static Set<String> messages(Element process, Map<String, String> messageNames) {
        Set<String> messages = new LinkedHashSet<>();
        for (Element definition : elements(process, "messageEventDefinition")) {
            Node event = definition.getParentNode();
            if (event instanceof Element eventElement && MESSAGE_CATCHERS.contains(eventElement.getLocalName())) {
                addMessage(messages, messageNames, definition.getAttribute("messageRef"));
            }
        }
        for (Element receiveTask : elements(process, "receiveTask")) {
            addMessage(messages, messageNames, receiveTask.getAttribute("messageRef"));
        }
        return messages;
    }

    private static void addMessage(Set<String> messages, Map<String, String> names, String reference) {
        String name = names.get(reference);
        if (name != null && !name.isBlank()) {
            messages.add(name);
        }
    }

    private static Map<String, String> userTasks(Element process) {
        Map<String, String> tasks = new LinkedHashMap<>();
        for (Element task : elements(process, "userTask")) {
            String name = task.getAttribute("name");
            tasks.put(task.getAttribute("id"), name.isEmpty() ? task.getAttribute("id") : name);
        }
        return tasks;
    }

    private static Set<String> connectors(Element process) {
        Set<String> ids = new LinkedHashSet<>();
        for (String namespace : List.of(SafeXml.CAMUNDA_NS, SafeXml.ACTIVITI_NS)) {
            NodeList list = process.getElementsByTagNameNS(namespace, "connectorId");
            for (int i = 0; i < list.getLength(); i++) {
                ids.add(list.item(i).getTextContent().trim());
            }
        }
        return ids;
    }

    private static List<Element> elements(Element scope, String bpmnName) {
        NodeList list = scope.getElementsByTagNameNS(SafeXml.BPMN_NS, bpmnName);
        List<Element> result = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            result.add((Element) list.item(i));
        }
        return result;
    }
}
