package io.flowgate.engine.deploy;

import io.flowgate.engine.FormField;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.List;
import java.util.Set;

/**
 * The rules about forms. {@code camunda:formData} with its fields, values and built-in constraints is allowed: the
 * inbox shows the declared fields. What would make Camunda run Java code is refused — a form handler class (it is
 * instantiated while the flow deploys) and a custom {@code validator} constraint (a class or bean it instantiates on
 * submit) — and so are field types Camunda does not know, here rather than as Camunda's parse error, so a dry run
 * sees them too. Expressions in form attributes (a default value, a label) follow {@link ExpressionRules} like every
 * other attribute.
 */
final class FormRules {

    static final String HANDLER_ATTRIBUTE = "formHandlerClass";

    private FormRules() {
    }

    static void handlerAttribute(Element element, Set<String> handled, List<String> problems) {
        String handler = ElementRules.camundaAttribute(element, HANDLER_ATTRIBUTE);
        if (handler != null) {
            handled.add(HANDLER_ATTRIBUTE);
            problems.add("camunda:" + HANDLER_ATTRIBUTE + " '" + handler + "' is not allowed: Camunda would "
                    + "instantiate the Java class while deploying; declare the form with camunda:formData");
        }
    }

    static void formField(Element field, List<String> problems) {
        String id = field.getAttribute("id");
        String type = field.getAttribute("type");
        if (id.isBlank()) {
            problems.add("camunda:formField needs an id (the variable the field fills in)");
        }
        String named = id.isBlank() ? "camunda:formField" : "form field '" + id + "'";
        if (type.isBlank()) {
            problems.add(named + " needs a type: " + String.join(", ", FormField.TYPES));
        } else if (!FormField.TYPES.contains(type)) {
            problems.add(named + " has the type '" + type + "'; the types are " + String.join(", ", FormField.TYPES));
        }
    }

    static void constraint(Element constraint, List<String> problems) {
        if ("validator".equals(constraint.getAttribute("name"))) {
            problems.add("camunda:constraint 'validator' (" + describe(constraint) + ") is not allowed: it names "
                    + "Java code for Camunda to run; use the built-in constraints (required, minlength, maxlength, "
                    + "min, max, readonly)");
        }
    }

    /**
     * Where in a form an attribute sits, as a prefix for findings ("form field 'amount', defaultValue: "); empty
     * outside forms. The finding's element is the user task, so this says which of its fields is meant.
     */
    static String where(Element element, String attribute) {
        for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
            if (SafeXml.isCamunda(current.getNamespaceURI()) && "formField".equals(current.getLocalName())) {
                return "form field '" + current.getAttribute("id") + "', " + attribute + ": ";
            }
        }
        return "";
    }

    private static String describe(Element constraint) {
        String config = constraint.getAttribute("config");
        Node field = constraint.getParentNode() == null ? null : constraint.getParentNode().getParentNode();
        String where = field instanceof Element fieldElement && !fieldElement.getAttribute("id").isBlank()
                ? "on form field '" + fieldElement.getAttribute("id") + "', " : "";
        return where + "config '" + config + "'";
    }
}
