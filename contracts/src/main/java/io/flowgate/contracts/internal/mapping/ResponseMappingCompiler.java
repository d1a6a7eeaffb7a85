package io.flowgate.contracts.internal.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.internal.JsonPointers;
import io.flowgate.contracts.internal.JsonPointers.Located;
import io.flowgate.contracts.internal.template.TemplateError;
import io.flowgate.contracts.internal.template.TemplateRoots;
import io.flowgate.contracts.internal.template.Templates;
import io.flowgate.contracts.internal.validation.CompiledSchema;
import io.flowgate.contracts.internal.validation.SchemaCompileError;
import io.flowgate.contracts.internal.validation.SchemaCompiler;
import io.flowgate.contracts.mapping.ResponseMapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compiles {@code x-flow-response}, or the default response, of one operation: the status (explicit, else the
 * first declared 2xx, else 200), the body builder and the declared JSON schema the body is checked against.
 */
public final class ResponseMappingCompiler {

    static final String EXTENSION = "x-flow-response";
    private static final Set<String> KEYS = Set.of("status", "body");
    private static final int MAX_ALL_OF_DEPTH = 8;

    private final JsonNode document;
    private final SchemaCompiler schemas;
    private final DeclaredResponses declaredResponses;

    public ResponseMappingCompiler(JsonNode document, SchemaCompiler schemas) {
        this.document = document;
        this.schemas = schemas;
        this.declaredResponses = new DeclaredResponses(document);
    }

    /** @param findings reasons (naming the extension) are added here */
    public ResponseMapping compile(Located operation, List<String> findings) {
        JsonNode declared = operation.node().path(EXTENSION);
        if (!declared.isMissingNode() && !declared.isObject()) {
            findings.add(EXTENSION + ": must be an object with 'status' and/or 'body'");
            declared = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        declared.fieldNames().forEachRemaining(key -> {
            if (!KEYS.contains(key)) {
                findings.add(EXTENSION + ": unknown key '" + key + "' (use status and body)");
            }
        });
        Located responses = operation.child("responses");
        int status = status(declared, responses, findings);
        Located schema = declaredResponses.schema(responses, status);
        ResponseBody body = body(declared, schema, findings);
        return new TemplateResponseMapping(status, body, compiled(schema, findings));
    }

    private int status(JsonNode declared, Located responses, List<String> findings) {
        JsonNode status = declared.path("status");
        if (status.isMissingNode()) {
            return DeclaredResponses.firstSuccess(responses.node());
        }
        if (!status.isInt() || status.asInt() < 100 || status.asInt() > 599) {
            findings.add(EXTENSION + ": status must be an HTTP status number between 100 and 599, not " + status);
            return DeclaredResponses.firstSuccess(responses.node());
        }
        int code = status.asInt();
        if (responses.node().size() > 0 && declaredResponses.response(responses, code) == null) {
            findings.add(EXTENSION + ": status " + code + " is not declared in the operation's responses");
        }
        return code;
    }

    private ResponseBody body(JsonNode declared, Located schema, List<String> findings) {
        if (declared.has("body")) {
            try {
                return new ResponseBody.Templated(Templates.compileTree(declared.get("body"), TemplateRoots.RESPONSE));
            } catch (TemplateError e) {
                findings.add(EXTENSION + ".body: " + e.getMessage());
                return new ResponseBody.None();
            }
        }
        if (schema == null) {
            return new ResponseBody.None();
        }
        List<String> properties = new ArrayList<>(properties(schema.node(), 0));
        return properties.isEmpty() ? new ResponseBody.None() : new ResponseBody.FromSchemaProperties(properties);
    }

    private CompiledSchema compiled(Located schema, List<String> findings) {
        if (schema == null) {
            return null;
        }
        try {
            return schemas.compile(schema.pointer());
        } catch (SchemaCompileError e) {
            findings.add(e.getMessage());
            return null;
        }
    }

    private Set<String> properties(JsonNode schema, int depth) {
        Set<String> names = new LinkedHashSet<>();
        JsonNode resolved = JsonPointers.follow(document, schema, "").node();
        resolved.path("properties").fieldNames().forEachRemaining(names::add);
        if (depth < MAX_ALL_OF_DEPTH) {
            resolved.path("allOf").forEach(member -> names.addAll(properties(member, depth + 1)));
        }
        return names;
    }
}
