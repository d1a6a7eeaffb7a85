package io.flowgate.contracts.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowgate.contracts.mapping.TemplateScope;
import io.flowgate.contracts.mapping.ValueTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON value whose string leaves are templates. Rendering an object leaves out members whose look-up is missing
 * (so an absent optional value stays absent); an array keeps its length and renders a missing item as null.
 */
public sealed interface JsonTemplate {

    JsonNode render(TemplateScope scope);

    /** Every look-up made anywhere in the tree. */
    List<Placeholder> placeholders();

    /** A number, boolean or null written in the contract. */
    record Constant(JsonNode value) implements JsonTemplate {
        @Override
        public JsonNode render(TemplateScope scope) {
            return value;
        }

        @Override
        public List<Placeholder> placeholders() {
            return List.of();
        }
    }

    /** A template string. */
    record Leaf(ValueTemplate template) implements JsonTemplate {
        @Override
        public JsonNode render(TemplateScope scope) {
            return template.render(scope);
        }

        @Override
        public List<Placeholder> placeholders() {
            return Templates.placeholders(template);
        }
    }

    /** An object of templates. */
    record Obj(Map<String, JsonTemplate> members) implements JsonTemplate {
        public Obj {
            members = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(members));
        }

        @Override
        public JsonNode render(TemplateScope scope) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            members.forEach((name, member) -> {
                JsonNode value = member.render(scope);
                if (!value.isMissingNode()) {
                    out.set(name, value);
                }
            });
            return out;
        }

        @Override
        public List<Placeholder> placeholders() {
            List<Placeholder> all = new ArrayList<>();
            members.values().forEach(m -> all.addAll(m.placeholders()));
            return all;
        }
    }

    /** An array of templates. */
    record Arr(List<JsonTemplate> items) implements JsonTemplate {
        public Arr {
            items = List.copyOf(items);
        }

        @Override
        public JsonNode render(TemplateScope scope) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonTemplate item : items) {
                JsonNode value = item.render(scope);
                out.add(value.isMissingNode() ? NullNode.getInstance() : value);
            }
            return out;
        }

        @Override
        public List<Placeholder> placeholders() {
            List<Placeholder> all = new ArrayList<>();
            items.forEach(i -> all.addAll(i.placeholders()));
            return all;
        }
    }
}
