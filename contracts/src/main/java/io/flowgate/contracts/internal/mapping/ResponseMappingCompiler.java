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
import java.util.Iterator;
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

    public ResponseMappingCompiler(JsonNode document, SchemaCompiler schemas) {
        this.document = document;
        this.schemas = schemas;
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
        Located schema = schemaFor(responses, status);
        ResponseBody body = body(declared, schema, findings);
        return new TemplateResponseMapping(status, body, compiled(schema, findings));
    }

    private int status(JsonNode declared, Located responses, List<String> findings) {
        JsonNode status = declared.path("status");
        if (status.isMissingNode()) {
            return firstSuccess(responses.node());
        }
        if (!status.isInt() || status.asInt() < 100 || status.asInt() > 599) {
            findings.add(EXTENSION + ": status must be an HTTP status number between 100 and 599, not " + status);
            return firstSuccess(responses.node());
        }
        int code = status.asInt();
        if (responses.node().size() > 0 && responseFor(responses, code) == null) {
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

    private static int firstSuccess(JsonNode responses) {
        for (Iterator<String> it = responses.fieldNames(); it.hasNext(); ) {
            String code = it.next();
            if (code.matches("2\\d\\d")) {
                return Integer.parseInt(code);
            }
        }
        return 200;
    }

    /** The response object for a status: exact code, then the {@code 2XX}-style range, then {@code default}. */
    private Located responseFor(Located responses, int status) {
        for (String key : List.of(String.valueOf(status), status / 100 + "XX", "default")) {
            if (responses.node().has(key)) {
                Located raw = responses.child(key);
                return JsonPointers.follow(document, raw.node(), raw.pointer());
            }
        }
        return null;
    }

    private Located schemaFor(Located responses, int status) {
        Located response = responseFor(responses, status);
        if (response == null) {
            return null;
        }
        Located content = response.child("content");
        String chosen = content.node().has("application/json") ? "application/json" : null;
        for (Iterator<String> it = content.node().fieldNames(); chosen == null && it.hasNext(); ) {
            String mediaType = it.next();
            if (mediaType.toLowerCase(java.util.Locale.ROOT).split(";")[0].strip().endsWith("+json")) {
                chosen = mediaType;
            }
        }
        if (chosen == null || !content.node().path(chosen).has("schema")) {
            return null;
        }
        return content.child(chosen).child("schema");
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
