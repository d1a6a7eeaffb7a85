package io.flowgate.contracts.internal.route;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed OpenAPI path template such as {@code /orders/{id}/items}. Its {@link #shape()} ignores parameter
 * names, so {@code /orders/{id}} and {@code /orders/{orderId}} are the same route.
 */
public final class PathTemplate {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^{}/]+)}");

    /** One path segment: literal text, a whole-segment variable, or text mixed with variables. */
    sealed interface Segment permits Literal, Variable, Mixed {
    }

    record Literal(String text) implements Segment {
    }

    record Variable(String name) implements Segment {
    }

    /** e.g. {@code {name}.json}: matched with a regular expression compiled once. */
    record Mixed(String source, Pattern pattern, List<String> names) implements Segment {
    }

    private final String template;
    private final List<Segment> segments;

    private PathTemplate(String template, List<Segment> segments) {
        this.template = template;
        this.segments = List.copyOf(segments);
    }

    public static PathTemplate parse(String template) {
        List<Segment> segments = new ArrayList<>();
        for (String part : Paths.split(template)) {
            segments.add(segment(part));
        }
        return new PathTemplate(template, segments);
    }

    private static Segment segment(String part) {
        Matcher m = VARIABLE.matcher(part);
        if (m.matches()) {
            return new Variable(m.group(1));
        }
        m.reset();
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(part.substring(last, m.start()))).append("(.+?)");
            names.add(m.group(1));
            last = m.end();
        }
        if (names.isEmpty()) {
            return new Literal(part);
        }
        regex.append(Pattern.quote(part.substring(last)));
        return new Mixed(part, Pattern.compile(regex.toString()), names);
    }

    public String template() {
        return template;
    }

    List<Segment> segments() {
        return segments;
    }

    /** The template with every parameter name removed: {@code /orders/{}}. */
    public String shape() {
        StringBuilder shape = new StringBuilder();
        for (Segment segment : segments) {
            shape.append('/');
            if (segment instanceof Literal literal) {
                shape.append(literal.text());
            } else if (segment instanceof Mixed mixed) {
                shape.append(VARIABLE.matcher(mixed.source()).replaceAll("{}"));
            } else {
                shape.append("{}");
            }
        }
        return shape.isEmpty() ? "/" : shape.toString();
    }

    /** Names of every template variable, in order. */
    public Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        for (Segment segment : segments) {
            if (segment instanceof Variable v) {
                names.add(v.name());
            } else if (segment instanceof Mixed x) {
                names.addAll(x.names());
            }
        }
        return names;
    }

    /** Names the values of a matched request path (segments already decoded). */
    void bind(List<String> decoded, Map<String, String> into) {
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (segment instanceof Variable v) {
                into.put(v.name(), decoded.get(i));
            } else if (segment instanceof Mixed x) {
                Matcher m = x.pattern().matcher(decoded.get(i));
                if (m.matches()) {
                    for (int g = 0; g < x.names().size(); g++) {
                        into.put(x.names().get(g), m.group(g + 1));
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return template;
    }
}
