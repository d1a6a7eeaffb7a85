package io.flowgate.contracts.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.mapping.ValueTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compiles {@code "{body.orderId}"}-style templates once, at publish time. Syntax: {@code {root.a.b}} where root is
 * one of the allowed roots and each further name is an object key or an array index; {@code {{} and {@code }}}
 * write literal braces. Nothing in a template is ever evaluated as code.
 */
public final class Templates {

    private static final Pattern ROOT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SEGMENT = Pattern.compile("[^.{}\\s]+");

    private Templates() {
    }

    /** @throws TemplateError when the text is not a well-formed template over these roots */
    public static ValueTemplate compile(String source, TemplateRoots roots) {
        return new StringTemplate(source, parts(source, roots));
    }

    /**
     * Compiles a JSON value whose string leaves are templates; numbers, booleans and null are kept as written.
     *
     * @throws TemplateError naming the first bad leaf
     */
    public static JsonTemplate compileTree(JsonNode value, TemplateRoots roots) {
        if (value.isTextual()) {
            return new JsonTemplate.Leaf(compile(value.asText(), roots));
        }
        if (value.isObject()) {
            Map<String, JsonTemplate> members = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                members.put(field.getKey(), compileTree(field.getValue(), roots));
            }
            return new JsonTemplate.Obj(members);
        }
        if (value.isArray()) {
            List<JsonTemplate> items = new ArrayList<>();
            value.forEach(item -> items.add(compileTree(item, roots)));
            return new JsonTemplate.Arr(items);
        }
        return new JsonTemplate.Constant(value.deepCopy());
    }

    /** The look-ups a compiled template makes (for publish-time checks such as "is this a declared path param"). */
    public static List<Placeholder> placeholders(ValueTemplate template) {
        return template instanceof StringTemplate compiled ? compiled.placeholders() : List.of();
    }

    private static List<StringTemplate.Part> parts(String source, TemplateRoots roots) {
        List<StringTemplate.Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < source.length() && source.charAt(i + 1) == c) {
                text.append(c);
                i += 2;
            } else if (c == '{') {
                int end = source.indexOf('}', i);
                if (end < 0) {
                    throw new TemplateError("'" + source + "' has a '{' without its '}'");
                }
                flush(text, parts);
                parts.add(new StringTemplate.Lookup(placeholder(source.substring(i + 1, end), source, roots)));
                i = end + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        flush(text, parts);
        return parts;
    }

    private static void flush(StringBuilder text, List<StringTemplate.Part> parts) {
        if (!text.isEmpty()) {
            parts.add(new StringTemplate.Text(text.toString()));
            text.setLength(0);
        }
    }

    private static Placeholder placeholder(String inner, String source, TemplateRoots roots) {
        List<String> names = Arrays.asList(inner.split("\\.", -1));
        String root = names.get(0);
        if (!ROOT.matcher(root).matches() || !names.stream().skip(1).allMatch(n -> SEGMENT.matcher(n).matches())) {
            throw new TemplateError("'{" + inner + "}' in '" + source + "' is not a look-up such as {body.orderId}");
        }
        if (!roots.roots().contains(root)) {
            throw new TemplateError("unknown source '{" + inner + "}' in '" + source + "': use one of "
                    + roots.describe());
        }
        List<String> segments = new ArrayList<>(names.subList(1, names.size()));
        Set<String> fixed = roots.fixedFields().get(root);
        if (fixed != null && (segments.size() != 1 || !fixed.contains(segments.get(0)))) {
            throw new TemplateError("'{" + inner + "}' in '" + source + "': " + root + " has only "
                    + String.join(", ", new java.util.TreeSet<>(fixed)));
        }
        if (roots.caseless().contains(root) && !segments.isEmpty()) {
            segments.set(0, segments.get(0).toLowerCase(Locale.ROOT));
        }
        return new Placeholder(root, segments);
    }
}
