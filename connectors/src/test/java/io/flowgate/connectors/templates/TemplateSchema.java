package io.flowgate.connectors.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Camunda's element-templates JSON schema, vendored beside this test (see the README there), compiled once.
 * Self-contained: nothing is fetched over the network.
 */
final class TemplateSchema {

    static final String RESOURCE = "element-templates-schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = load();

    private TemplateSchema() {
    }

    /** Every validation message for the document (one template or an array of them); empty when valid. */
    static List<String> problems(JsonNode document) {
        return SCHEMA.validate(document).stream().map(ValidationMessage::toString).sorted().toList();
    }

    static JsonNode raw() {
        try (InputStream in = TemplateSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("vendored schema " + RESOURCE + " is missing");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema load() {
        JsonNode schema = raw();
        if (!schema.path("$schema").asText().startsWith("http://json-schema.org/draft-07/schema")) {
            throw new IllegalStateException("the vendored schema is no longer draft-07: " + schema.path("$schema"));
        }
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
    }
}
