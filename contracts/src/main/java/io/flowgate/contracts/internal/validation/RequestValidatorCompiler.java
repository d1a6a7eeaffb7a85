package io.flowgate.contracts.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.internal.JsonPointers;
import io.flowgate.contracts.internal.JsonPointers.Located;
import io.flowgate.contracts.validation.RequestValidator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds an operation's {@link RequestValidator} at publish time from the operation's (and its path item's)
 * parameters and request body, following local {@code $ref}s.
 */
public final class RequestValidatorCompiler {

    private static final Set<String> LOCATIONS = Set.of("path", "query", "header");

    private final JsonNode document;
    private final SchemaCompiler schemas;

    public RequestValidatorCompiler(JsonNode document, SchemaCompiler schemas) {
        this.document = document;
        this.schemas = schemas;
    }

    /**
     * @param findings reasons why part of the operation cannot be validated are added here
     */
    public RequestValidator compile(Located pathItem, Located operation, List<String> findings) {
        List<ParameterSpec> parameters = new ArrayList<>();
        for (Located parameter : mergedParameters(pathItem, operation)) {
            try {
                ParameterSpec spec = parameter(parameter);
                if (spec != null) {
                    parameters.add(spec);
                }
            } catch (SchemaCompileError e) {
                findings.add(e.getMessage());
            }
        }
        BodySpec body = null;
        try {
            body = body(operation.child("requestBody"));
        } catch (SchemaCompileError e) {
            findings.add(e.getMessage());
        }
        return new SchemaRequestValidator(parameters, body);
    }

    /** Operation parameters override path-item parameters with the same name and location. */
    private List<Located> mergedParameters(Located pathItem, Located operation) {
        Map<String, Located> byKey = new LinkedHashMap<>();
        for (Located owner : List.of(pathItem, operation)) {
            Located list = owner.child("parameters");
            for (int i = 0; i < list.node().size(); i++) {
                Located raw = new Located(list.node().get(i), list.pointer() + "/" + i);
                Located resolved = JsonPointers.follow(document, raw.node(), raw.pointer());
                byKey.put(resolved.node().path("in").asText() + ":" + resolved.node().path("name").asText(),
                        resolved);
            }
        }
        return List.copyOf(byKey.values());
    }

    private ParameterSpec parameter(Located parameter) {
        JsonNode node = parameter.node();
        String in = node.path("in").asText();
        if (!LOCATIONS.contains(in) || !node.path("name").isTextual()) {
            return null; // cookies are not validated; swagger-parser already reported malformed parameters
        }
        String style = node.path("style").asText(ParameterSpec.defaultStyles().get(in));
        boolean explode = node.path("explode").asBoolean("form".equals(style));
        boolean required = "path".equals(in) || node.path("required").asBoolean(false);
        Located schema = parameterSchema(parameter);
        ValueShape shape = schema == null ? ValueShape.TEXT : ValueShape.of(document, schema.node());
        CompiledSchema compiled = schema == null ? null : schemas.compile(schema.pointer());
        return new ParameterSpec(node.get("name").asText(), in, required, style, explode, shape, compiled);
    }

    private static Located parameterSchema(Located parameter) {
        if (parameter.node().has("schema")) {
            return parameter.child("schema");
        }
        Located content = parameter.child("content");
        Iterator<String> names = content.node().fieldNames();
        return names.hasNext() ? content.child(names.next()).child("schema") : null;
    }

    private BodySpec body(Located declared) {
        if (declared.node().isMissingNode()) {
            return null;
        }
        Located body = JsonPointers.follow(document, declared.node(), declared.pointer());
        Located content = body.child("content");
        Map<String, MediaSpec> media = new LinkedHashMap<>();
        for (Iterator<String> it = content.node().fieldNames(); it.hasNext(); ) {
            String mediaType = it.next();
            media.put(normalize(mediaType), mediaSpec(normalize(mediaType), content.child(mediaType)));
        }
        return new BodySpec(body.node().path("required").asBoolean(false), media);
    }

    private MediaSpec mediaSpec(String mediaType, Located declared) {
        boolean form = mediaType.equals(FormBodies.MEDIA_TYPE);
        if (!declared.node().has("schema") || !(form || BodySpec.isJson(mediaType) || mediaType.equals("*/*"))) {
            return MediaSpec.UNCHECKED;
        }
        Located schema = declared.child("schema");
        Map<String, ValueShape> fields = new LinkedHashMap<>();
        if (form) {
            JsonNode resolved = JsonPointers.follow(document, schema.node(), schema.pointer()).node();
            resolved.path("properties").fields().forEachRemaining(p ->
                    fields.put(p.getKey(), ValueShape.of(document, p.getValue())));
        }
        return new MediaSpec(schemas.compile(schema.pointer()), fields);
    }

    private static String normalize(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
