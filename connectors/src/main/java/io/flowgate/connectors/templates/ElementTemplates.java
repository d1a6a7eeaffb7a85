package io.flowgate.connectors.templates;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowgate.connectors.ConnectorDescriptor;
import io.flowgate.connectors.ConnectorErrorSpec;
import io.flowgate.connectors.ConnectorParameter;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Camunda 7 element templates for connectors, built from their {@link ConnectorDescriptor}s, so that Camunda Modeler
 * (templates in {@code resources/element-templates/*.json}) offers each connector as a ready-made service task.
 *
 * <p>Shape (schema {@code @camunda/element-templates-json-schema}, where {@code scopes} is an array): a template
 * applies to {@code bpmn:ServiceTask} and configures the {@code camunda:Connector} scope — the connector id as a
 * hidden property, each input as a {@code camunda:inputParameter} of the connector, each output as a
 * {@code camunda:outputParameter} whose value is the process variable that receives it (by default the output's own
 * name). Business errors cannot be bound to a connector in a Camunda 7 template, so they are listed in the
 * description, where the Modeler shows them.
 */
public final class ElementTemplates {

    /**
     * Unversioned on purpose: Camunda Modeler refuses templates whose {@code $schema} names a newer schema version
     * than it bundles. The templates are tested against the version vendored with the tests.
     */
    public static final String SCHEMA_URL =
            "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
    /** Template ids are this prefix plus the connector id, e.g. {@code io.flowgate.connector.inventory.reserve}. */
    public static final String ID_PREFIX = "io.flowgate.connector.";
    /**
     * Version of every generated template. Descriptors carry no version of their own; raise this when the generated
     * shape changes so the Modeler offers to update tasks made from an older template.
     */
    public static final int VERSION = 1;
    public static final String APPLIES_TO = "bpmn:ServiceTask";
    public static final String CONNECTOR_SCOPE = "camunda:Connector";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> TEXT_TYPES = Set.of("string");
    private static final Set<String> STRUCTURED_TYPES = Set.of("object", "array");
    /** Words an expression cannot use as a variable name. */
    private static final Set<String> EL_RESERVED = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
            "true", "false", "null", "instanceof", "empty", "div", "mod");
    private static final String INPUTS_GROUP = "inputs";
    private static final String OUTPUTS_GROUP = "outputs";

    private ElementTemplates() {
    }

    /** The templates of all connectors, in the given order: the JSON array a Modeler template file holds. */
    public static ArrayNode templates(Collection<ConnectorDescriptor> descriptors) {
        ArrayNode templates = JSON.arrayNode();
        descriptors.forEach(descriptor -> templates.add(template(descriptor)));
        return templates;
    }

    /**
     * The template of one connector.
     *
     * @throws IllegalArgumentException when an output name is not a plain identifier (it could not be read by the
     *                                  {@code ${name}} expression that maps it)
     */
    public static ObjectNode template(ConnectorDescriptor descriptor) {
        ObjectNode template = JSON.objectNode();
        template.put("$schema", SCHEMA_URL);
        template.put("name", descriptor.name() == null || descriptor.name().isBlank()
                ? descriptor.id() : descriptor.name());
        template.put("id", templateId(descriptor.id()));
        template.put("version", VERSION);
        template.put("description", description(descriptor));
        template.putArray("appliesTo").add(APPLIES_TO);
        ArrayNode groups = JSON.arrayNode();
        if (!descriptor.inputs().isEmpty()) {
            groups.add(group(INPUTS_GROUP, "Connector inputs"));
        }
        if (!descriptor.outputs().isEmpty()) {
            groups.add(group(OUTPUTS_GROUP, "Connector outputs"));
        }
        if (!groups.isEmpty()) {
            template.set("groups", groups);
        }
        if (descriptor.openInputs()) {
            // inputs of any name: keep the Modeler's own input/output entries visible so more can be added
            template.put("entriesVisible", true);
        }
        template.putArray("properties");
        template.putArray("scopes").add(connectorScope(descriptor));
        return template;
    }

    public static String templateId(String connectorId) {
        return ID_PREFIX + connectorId;
    }

    private static ObjectNode connectorScope(ConnectorDescriptor descriptor) {
        ObjectNode scope = JSON.objectNode();
        scope.put("type", CONNECTOR_SCOPE);
        ArrayNode properties = scope.putArray("properties");
        ObjectNode connectorId = properties.addObject();
        connectorId.put("type", "Hidden");
        connectorId.put("value", descriptor.id());
        connectorId.set("binding", binding("property").put("name", "connectorId"));
        descriptor.inputs().forEach(input -> properties.add(input(input)));
        descriptor.outputs().forEach(output -> properties.add(output(descriptor.id(), output)));
        return scope;
    }

    private static ObjectNode input(ConnectorParameter input) {
        ObjectNode property = JSON.objectNode();
        property.put("label", input.name());
        property.put("description", inputDescription(input));
        property.put("group", INPUTS_GROUP);
        property.put("type", STRUCTURED_TYPES.contains(type(input)) ? "Text" : "String");
        property.set("binding", binding("camunda:inputParameter").put("name", input.name()));
        if (input.required()) {
            property.putObject("constraints").put("notEmpty", true);
        }
        return property;
    }

    private static ObjectNode output(String connectorId, ConnectorParameter output) {
        if (!isIdentifier(output.name())) {
            throw new IllegalArgumentException("output '" + output.name() + "' of connector '" + connectorId
                    + "' is not a plain identifier, so no ${…} expression can map it to a variable");
        }
        ObjectNode property = JSON.objectNode();
        property.put("label", output.name() + " → variable");
        property.put("description", sentence(output.description()) + "Type " + type(output)
                + ". Written to the process variable named here; by default the output's own name.");
        property.put("group", OUTPUTS_GROUP);
        property.put("type", "String");
        // the property's value is the outputParameter's name, i.e. the variable; source reads the connector output
        property.put("value", output.name());
        property.set("binding", binding("camunda:outputParameter").put("source", "${" + output.name() + "}"));
        // an output parameter without a name does not deploy
        property.putObject("constraints").put("notEmpty", true);
        return property;
    }

    private static String inputDescription(ConnectorParameter input) {
        String type = type(input);
        String text = sentence(input.description()) + (input.required() ? "Required" : "Optional") + ", " + type + ".";
        if (!TEXT_TYPES.contains(type)) {
            // an inputParameter's literal content is always a string; only an expression yields other types
            text += " Text typed here stays text, so pass it with an expression such as ${" + input.name() + "}.";
        }
        return text;
    }

    private static String description(ConnectorDescriptor descriptor) {
        StringBuilder text = new StringBuilder(sentence(descriptor.description()));
        text.append("Connector '").append(descriptor.id()).append("'.");
        if (descriptor.openInputs()) {
            text.append(" Any input name works: add input parameters to the connector, each is passed on by name.");
        }
        if (!descriptor.errors().isEmpty()) {
            text.append(" Business errors (BPMN error codes; catch them with an error boundary event): ")
                    .append(descriptor.errors().stream().map(ElementTemplates::error)
                            .collect(Collectors.joining(" ")));
        }
        return text.toString().strip();
    }

    /** One sentence per error: a description may itself contain commas or semicolons. */
    private static String error(ConnectorErrorSpec error) {
        String meaning = sentence(error.description()).strip();
        return meaning.isEmpty() ? error.code() + "." : error.code() + " — " + meaning;
    }

    private static ObjectNode group(String id, String label) {
        return JSON.objectNode().put("id", id).put("label", label);
    }

    private static ObjectNode binding(String type) {
        return JSON.objectNode().put("type", type);
    }

    private static String type(ConnectorParameter parameter) {
        return parameter.type() == null || parameter.type().isBlank() ? "string" : parameter.type();
    }

    /** The text as a sentence followed by a space, or nothing when there is no text. */
    private static String sentence(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String trimmed = text.strip();
        return trimmed.endsWith(".") ? trimmed + " " : trimmed + ". ";
    }

    private static boolean isIdentifier(String name) {
        return name != null && name.matches("[A-Za-z_][A-Za-z0-9_]*") && !EL_RESERVED.contains(name);
    }
}
