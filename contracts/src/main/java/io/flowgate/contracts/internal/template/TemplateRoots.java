package io.flowgate.contracts.internal.template;

import java.util.Map;
import java.util.Set;

/**
 * Which roots a template may name, and for some roots which fields.
 *
 * @param roots          allowed root names
 * @param fixedFields    roots whose only fields are these (e.g. {@code instance.id})
 * @param caseless       roots whose first field is matched ignoring case (header names)
 */
public record TemplateRoots(Set<String> roots, Map<String, Set<String>> fixedFields, Set<String> caseless) {

    /**
     * {@code x-flow-variables} and {@code x-flow-business-key}: parts of the request, and {@code request.id}, an id
     * the gateway gives each request (the same in every template of that request).
     */
    public static final TemplateRoots REQUEST = new TemplateRoots(
            Set.of("path", "query", "header", "body", "claims", "request"), Map.of("request", Set.of("id")),
            Set.of("header"));

    /** {@code x-flow-response}: the instance after the flow ran. */
    public static final TemplateRoots RESPONSE = new TemplateRoots(
            Set.of("vars", "instance", "error"),
            Map.of("instance", Set.of("id", "state", "businessKey"), "error", Set.of("code", "message")),
            Set.of());

    String describe() {
        return String.join(", ", new java.util.TreeSet<>(roots));
    }
}
