package io.flowgate.contracts.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.flowgate.contracts.mapping.TemplateScope;
import io.flowgate.contracts.mapping.ValueTemplate;

import java.util.List;

/**
 * A compiled template string. Exactly one placeholder and nothing else yields the looked-up value with its JSON
 * type; anything else yields text, and a missing look-up makes the whole value missing.
 */
final class StringTemplate implements ValueTemplate {

    /** A literal piece of text or a placeholder. */
    sealed interface Part permits Text, Lookup {
    }

    record Text(String text) implements Part {
    }

    record Lookup(Placeholder placeholder) implements Part {
    }

    private final String source;
    private final List<Part> parts;

    StringTemplate(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    @Override
    public String source() {
        return source;
    }

    List<Placeholder> placeholders() {
        return parts.stream().filter(Lookup.class::isInstance).map(p -> ((Lookup) p).placeholder()).toList();
    }

    @Override
    public JsonNode render(TemplateScope scope) {
        if (parts.size() == 1 && parts.get(0) instanceof Lookup only) {
            return only.placeholder().lookUp(scope);
        }
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Text literal) {
                text.append(literal.text());
            } else {
                JsonNode value = ((Lookup) part).placeholder().lookUp(scope);
                if (value.isMissingNode()) {
                    return MissingNode.getInstance();
                }
                text.append(value.isValueNode() ? value.asText() : value.toString());
            }
        }
        return TextNode.valueOf(text.toString());
    }

    @Override
    public String toString() {
        return source;
    }
}
