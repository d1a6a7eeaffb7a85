package io.flowgate.engine.deploy;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules about elements and their Camunda attributes. Expressions are {@link ExpressionRules}' concern. */
final class ElementRules {

    private static final Set<String> SERVICE_LIKE = Set.of("serviceTask", "sendTask", "businessRuleTask");
    private static final Set<String> CONNECTOR_HOSTS = Set.of("serviceTask", "sendTask");
    private static final Set<String> LISTENERS = Set.of("executionListener", "taskListener");
    /** Camunda attributes that name Java code to run. */
    private static final List<String> CODE_ATTRIBUTES = List.of("class", "delegateExpression", "expression",
            "variableMappingClass", "variableMappingDelegateExpression");

    /**
     * Camunda Connect's own connector ids, which BPMN from Camunda Modeler carries: Flowgate does not run Camunda
     * Connect (its HTTP client has no outbound allow-list), so these are refused with the connector to use instead.
     */
    private static final Map<String, String> CAMUNDA_CONNECT = Map.of(
            "http-connector", "Camunda's http-connector is not available in Flowgate; use http.request (inputs url, "
                    + "method, headers, body; outbound hosts must be on FLOWGATE_HTTP_ALLOWED_HOSTS)",
            "soap-http-connector", "Camunda's soap-http-connector is not available in Flowgate; call the service "
                    + "with http.request");

    private final Set<String> connectorIds;
    private final Map<String, String> unavailable;
    private final String registered;

    ElementRules(Set<String> connectorIds, Map<String, String> unavailable) {
        this.connectorIds = connectorIds;
        this.unavailable = unavailable;
        this.registered = connectorIds.isEmpty() ? "none" : String.join(", ", connectorIds);
    }

    /** True for elements whose content need not be walked once the element itself is refused. */
    static boolean isRefusedWhole(Element element) {
        return SafeXml.isCamunda(element.getNamespaceURI())
                && ("script".equals(element.getLocalName()) || LISTENERS.contains(element.getLocalName()));
    }

    /** The id of the nearest BPMN element at or above this one; null at the top of the file. */
    static String owningId(Element element) {
        for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
            if (SafeXml.BPMN_NS.equals(current.getNamespaceURI()) && current.hasAttribute("id")
                    && !"definitions".equals(current.getLocalName())) {
                return current.getAttribute("id");
            }
        }
        return null;
    }

    /**
     * Reasons this element is refused. Adds to {@code handledAttributes} the attributes already judged here, so
     * their expressions are not reported a second time.
     */
    List<String> problems(Element element, Set<String> handledAttributes) {
        List<String> problems = new ArrayList<>();
        String name = element.getLocalName();
        if (SafeXml.isCamunda(element.getNamespaceURI())) {
            camundaElement(element, name, problems);
            return problems;
        }
        if ("scriptTask".equals(name)) {
            problems.add("script tasks are not allowed; use a service task bound to a connector");
        }
        if (element.hasAttribute("language")) {
            handledAttributes.add("language");
            problems.add("script conditions are not allowed (language '" + element.getAttribute("language")
                    + "'); use an expression such as ${amount > 100}");
        }
        codeAttributes(element, name, handledAttributes, problems);
        if (SERVICE_LIKE.contains(name) && !hasImplementation(element)) {
            problems.add("the " + name + " has no implementation; bind a connector with camunda:connector "
                    + "(registered: " + registered + ")");
        }
        return problems;
    }

    /**
     * A warning for a script inside an input/output mapping: accepted (real-world models carry them) but inert —
     * Flowgate has no script engine, so reaching the activity fails it with a clear error instead of running code.
     */
    static java.util.Optional<String> warning(Element element) {
        if (!isMappingScript(element)) {
            return java.util.Optional.empty();
        }
        Element parameter = (Element) element.getParentNode();
        return java.util.Optional.of("camunda:script (" + describeScript(element) + ") in the mapping '"
                + parameter.getAttribute("name") + "' will not run: Flowgate has no script engine, so the activity "
                + "fails when it is reached; use an expression or a connector");
    }

    private static boolean isMappingScript(Element element) {
        return SafeXml.isCamunda(element.getNamespaceURI()) && "script".equals(element.getLocalName())
                && element.getParentNode() instanceof Element parent && SafeXml.isCamunda(parent.getNamespaceURI())
                && ("inputParameter".equals(parent.getLocalName()) || "outputParameter".equals(parent.getLocalName()));
    }

    private void camundaElement(Element element, String name, List<String> problems) {
        if (isMappingScript(element)) {
            return; // a warning, see warning(Element)
        }
        if ("script".equals(name)) {
            problems.add("camunda:script (" + describeScript(element) + ") is not allowed; scripts cannot run in "
                    + "Flowgate, use expressions that read variables or a connector");
        } else if (LISTENERS.contains(name)) {
            problems.add(("executionListener".equals(name) ? "execution" : "task") + " listener ("
                    + describeListener(element) + ") is not allowed; listeners cannot run code in Flowgate");
        } else if ("connector".equals(name)) {
            connector(element, problems);
        } else if ("formField".equals(name)) {
            FormRules.formField(element, problems);
        } else if ("constraint".equals(name)) {
            FormRules.constraint(element, problems);
        }
    }

    private void codeAttributes(Element element, String name, Set<String> handled, List<String> problems) {
        for (String attribute : CODE_ATTRIBUTES) {
            String value = camundaAttribute(element, attribute);
            if (value == null) {
                continue;
            }
            handled.add(attribute);
            String what = "camunda:" + attribute + " '" + value + "'";
            problems.add("class".equals(attribute)
                    ? what + " is not a registered connector; bind a connector with camunda:connector (registered: "
                    + registered + ")"
                    : what + " cannot run in Flowgate (it would reach Java code); bind a connector with "
                    + "camunda:connector (registered: " + registered + ")");
        }
        String type = camundaAttribute(element, "type");
        if (type != null && !"external".equals(type)) {
            handled.add("type");
            problems.add("camunda:type '" + type + "' is not supported; use camunda:type=\"external\" or a connector");
        }
        FormRules.handlerAttribute(element, handled, problems);
        if (camundaAttribute(element, "decisionRef") != null) {
            handled.add("decisionRef");
            problems.add("business rule tasks with camunda:decisionRef are not supported (Flowgate has no DMN yet)");
        }
    }

    private void connector(Element connector, List<String> problems) {
        Node host = connector.getParentNode() == null ? null : connector.getParentNode().getParentNode();
        if (!(host instanceof Element hostElement) || !CONNECTOR_HOSTS.contains(hostElement.getLocalName())) {
            problems.add("camunda:connector is only supported on service and send tasks");
        }
        String id = childText(connector, "connectorId");
        if (id == null || id.isBlank()) {
            problems.add("camunda:connector needs a camunda:connectorId (registered: " + registered + ")");
        } else if (!connectorIds.contains(id.trim())) {
            String hint = CAMUNDA_CONNECT.get(id.trim());
            problems.add("connector '" + id.trim() + "' is not registered" + (hint == null ? "" : ": " + hint)
                    + " (registered: " + registered + ")");
        } else if (unavailable.containsKey(id.trim())) {
            problems.add("connector '" + id.trim() + "' cannot run on this node: " + unavailable.get(id.trim()));
        }
    }

    private static boolean hasImplementation(Element element) {
        for (String attribute : List.of("class", "delegateExpression", "expression", "type", "decisionRef")) {
            if (camundaAttribute(element, attribute) != null) {
                return true;
            }
        }
        Element extensions = child(element, SafeXml.BPMN_NS, "extensionElements");
        return extensions != null && camundaChild(extensions, "connector") != null;
    }

    static String camundaAttribute(Element element, String name) {
        String value = element.getAttributeNS(SafeXml.CAMUNDA_NS, name);
        if (value.isEmpty()) {
            value = element.getAttributeNS(SafeXml.ACTIVITI_NS, name);
        }
        return value.isEmpty() ? null : value;
    }

    static String childText(Element element, String camundaName) {
        Element child = camundaChild(element, camundaName);
        return child == null ? null : child.getTextContent();
    }

    static Element camundaChild(Element element, String localName) {
        Element child = child(element, SafeXml.CAMUNDA_NS, localName);
        return child != null ? child : child(element, SafeXml.ACTIVITI_NS, localName);
    }

    private static Element child(Element element, String namespace, String localName) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && namespace.equals(child.getNamespaceURI())
                    && localName.equals(child.getLocalName())) {
                return child;
            }
        }
        return null;
    }

    private static String describeScript(Element script) {
        String format = script.getAttribute("scriptFormat");
        String resource = script.getAttribute("resource");
        return "scriptFormat '" + format + "'" + (resource.isEmpty() ? "" : ", resource '" + resource + "'");
    }

    private static String describeListener(Element listener) {
        for (String attribute : List.of("class", "expression", "delegateExpression")) {
            if (listener.hasAttribute(attribute)) {
                return attribute + " '" + listener.getAttribute(attribute) + "'";
            }
        }
        return camundaChild(listener, "script") != null ? "a script" : "no implementation";
    }
}
