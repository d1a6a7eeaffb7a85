package io.flowgate.contracts.internal.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowgate.contracts.internal.template.JsonTemplate;
import io.flowgate.contracts.mapping.ResponseContext;
import io.flowgate.contracts.mapping.TemplateScope;

import java.util.List;
import java.util.Map;

/** How a response body is built from the instance; a missing node means "no body". */
sealed interface ResponseBody {

    JsonNode build(ResponseContext context, TemplateScope scope);

    /** No schema and no {@code x-flow-response} body: nothing is sent. */
    record None() implements ResponseBody {
        @Override
        public JsonNode build(ResponseContext context, TemplateScope scope) {
            return MissingNode.getInstance();
        }
    }

    /** The body of {@code x-flow-response}. */
    record Templated(JsonTemplate template) implements ResponseBody {
        @Override
        public JsonNode build(ResponseContext context, TemplateScope scope) {
            return template.render(scope);
        }
    }

    /**
     * The default: each property the response schema declares, from the variable of the same name; for
     * {@code instanceId}, {@code state} and {@code businessKey} from the instance when no variable has the name.
     */
    record FromSchemaProperties(List<String> properties) implements ResponseBody {
        public FromSchemaProperties {
            properties = List.copyOf(properties);
        }

        @Override
        public JsonNode build(ResponseContext context, TemplateScope scope) {
            Map<String, Object> variables = context.variables() == null ? Map.of() : context.variables();
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            for (String property : properties) {
                if (variables.containsKey(property)) {
                    body.set(property, JsonValues.toTree(variables.get(property)));
                } else {
                    String fromInstance = fromInstance(property, context);
                    if (fromInstance != null) {
                        body.put(property, fromInstance);
                    }
                }
            }
            return body;
        }

        private static String fromInstance(String property, ResponseContext context) {
            return switch (property) {
                case "instanceId" -> context.instanceId();
                case "state" -> context.state();
                case "businessKey" -> context.businessKey();
                default -> null;
            };
        }
    }
}
