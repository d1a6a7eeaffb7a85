package io.flowgate.contracts.internal.route;

import io.flowgate.contracts.Route;
import io.flowgate.contracts.RouteMatch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The immutable route table: a tree of path segments built once per publish. Matching only walks it: literal
 * segments are tried before mixed ones ({@code {name}.json}) and those before whole-segment variables, so
 * {@code /refunds/export} beats {@code /refunds/{id}}; the first path that declares the method wins.
 */
public final class RouteTable {

    public static final RouteTable EMPTY = new Builder().build();

    private final Node root;

    private RouteTable(Node root) {
        this.root = root;
    }

    /** @param rawPath the request path as received (percent-encoded); each segment is decoded once */
    public Optional<RouteMatch> match(String method, String rawPath) {
        Optional<List<String>> decoded = Paths.decodeSegments(rawPath);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        List<Node> leaves = new ArrayList<>();
        collect(root, decoded.get(), 0, leaves);
        for (Node leaf : leaves) {
            Entry entry = leaf.methods.get(method);
            if (entry != null) {
                Map<String, String> parameters = new LinkedHashMap<>();
                entry.template.bind(decoded.get(), parameters);
                return Optional.of(new RouteMatch(entry.route, parameters));
            }
        }
        return Optional.empty();
    }

    /** Every method declared by any template matching the path (for 405 and {@code Allow}). */
    public Set<String> allowedMethods(String rawPath) {
        Optional<List<String>> decoded = Paths.decodeSegments(rawPath);
        Set<String> methods = new TreeSet<>();
        if (decoded.isPresent()) {
            List<Node> leaves = new ArrayList<>();
            collect(root, decoded.get(), 0, leaves);
            leaves.forEach(leaf -> methods.addAll(leaf.methods.keySet()));
        }
        return Collections.unmodifiableSet(methods);
    }

    /** Depth first in precedence order, so the list's first leaves are the most specific matches. */
    private static void collect(Node node, List<String> segments, int index, List<Node> leaves) {
        if (index == segments.size()) {
            if (!node.methods.isEmpty()) {
                leaves.add(node);
            }
            return;
        }
        String segment = segments.get(index);
        Node literal = node.literals.get(segment);
        if (literal != null) {
            collect(literal, segments, index + 1, leaves);
        }
        for (MixedChild mixed : node.mixed) {
            if (mixed.segment.pattern().matcher(segment).matches()) {
                collect(mixed.node, segments, index + 1, leaves);
            }
        }
        if (node.variable != null && !segment.isEmpty()) {
            collect(node.variable, segments, index + 1, leaves);
        }
    }

    private static final class Node {
        final Map<String, Node> literals = new HashMap<>();
        final List<MixedChild> mixed = new ArrayList<>();
        Node variable;
        final Map<String, Entry> methods = new HashMap<>();
    }

    private record MixedChild(PathTemplate.Mixed segment, Node node) {
    }

    private record Entry(Route route, PathTemplate template) {
    }

    /** Collects routes; the caller has already refused two routes with the same method and shape. */
    public static final class Builder {
        private final Node root = new Node();

        public Builder add(Route route) {
            PathTemplate template = PathTemplate.parse(route.operation().path());
            Node node = root;
            for (PathTemplate.Segment segment : template.segments()) {
                node = child(node, segment);
            }
            node.methods.putIfAbsent(route.operation().method(), new Entry(route, template));
            return this;
        }

        private static Node child(Node node, PathTemplate.Segment segment) {
            if (segment instanceof PathTemplate.Literal literal) {
                return node.literals.computeIfAbsent(literal.text(), k -> new Node());
            }
            if (segment instanceof PathTemplate.Mixed mixed) {
                for (MixedChild child : node.mixed) {
                    if (child.segment.source().replaceAll("\\{[^}]*}", "{}")
                            .equals(mixed.source().replaceAll("\\{[^}]*}", "{}"))) {
                        return child.node;
                    }
                }
                Node created = new Node();
                node.mixed.add(new MixedChild(mixed, created));
                return created;
            }
            if (node.variable == null) {
                node.variable = new Node();
            }
            return node.variable;
        }

        public RouteTable build() {
            return new RouteTable(root);
        }
    }
}
