package io.flowgate.gateway;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Builds a BPMN file the way Camunda Modeler does when a user applies element templates to service tasks: the
 * connector id comes from the template's hidden property, each input the user filled in becomes a
 * {@code camunda:inputParameter} named by its binding, and each output property becomes a
 * {@code camunda:outputParameter} named by the property's value with the binding's source. Nothing is written by
 * hand, so a flow that deploys and runs shows that the templates alone are enough.
 */
final class TemplateModeler {

    /** One service task: the template to apply and what the user typed into its input fields. */
    record Step(String templateId, Map<String, String> inputs) {
    }

    private final JsonNode templates;

    TemplateModeler(JsonNode templates) {
        this.templates = templates;
    }

    String process(String processId, List<Step> steps) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                                  id="templated" targetNamespace="https://flowgate.io/tests">
                """);
        xml.append("  <bpmn:process id=\"").append(processId).append("\" isExecutable=\"true\">\n");
        xml.append("    <bpmn:startEvent id=\"start\"/>\n");
        List<String> nodes = new ArrayList<>(List.of("start"));
        for (int i = 0; i < steps.size(); i++) {
            String taskId = "task" + (i + 1);
            xml.append(serviceTask(taskId, steps.get(i)));
            nodes.add(taskId);
        }
        xml.append("    <bpmn:endEvent id=\"end\"/>\n");
        nodes.add("end");
        for (int i = 1; i < nodes.size(); i++) {
            xml.append("    <bpmn:sequenceFlow id=\"flow").append(i).append("\" sourceRef=\"").append(nodes.get(i - 1))
                    .append("\" targetRef=\"").append(nodes.get(i)).append("\"/>\n");
        }
        return xml.append("  </bpmn:process>\n</bpmn:definitions>\n").toString();
    }

    private String serviceTask(String taskId, Step step) {
        JsonNode template = StreamSupport.stream(templates.spliterator(), false)
                .filter(t -> step.templateId().equals(t.path("id").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no template " + step.templateId()));
        String connectorId = null;
        StringBuilder parameters = new StringBuilder();
        for (JsonNode property : template.path("scopes").get(0).path("properties")) {
            JsonNode binding = property.path("binding");
            switch (binding.path("type").asText()) {
                case "property" -> connectorId = property.path("value").asText();
                case "camunda:inputParameter" -> {
                    String value = step.inputs().get(binding.path("name").asText());
                    if (value != null) {
                        parameters.append("            <camunda:inputParameter name=\"")
                                .append(binding.path("name").asText()).append("\">").append(value)
                                .append("</camunda:inputParameter>\n");
                    }
                }
                case "camunda:outputParameter" -> parameters.append("            <camunda:outputParameter name=\"")
                        .append(property.path("value").asText()).append("\">")
                        .append(binding.path("source").asText()).append("</camunda:outputParameter>\n");
                default -> throw new AssertionError("binding the modeler would not know: " + binding);
            }
        }
        return "    <bpmn:serviceTask id=\"" + taskId + "\" camunda:modelerTemplate=\"" + step.templateId() + "\">\n"
                + "      <bpmn:extensionElements>\n"
                + "        <camunda:connector>\n"
                + "          <camunda:inputOutput>\n" + parameters
                + "          </camunda:inputOutput>\n"
                + "          <camunda:connectorId>" + connectorId + "</camunda:connectorId>\n"
                + "        </camunda:connector>\n"
                + "      </bpmn:extensionElements>\n"
                + "    </bpmn:serviceTask>\n";
    }
}
