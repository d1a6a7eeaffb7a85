package io.flowgate.contracts.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.oas.OpenApi30;
import com.networknt.schema.oas.OpenApi31;
import com.networknt.schema.resource.DisallowSchemaLoader;

import java.util.Map;
import java.util.UUID;

/**
 * Compiles the schemas of one contract with the networknt validator, in the OpenAPI 3.0 dialect ({@code nullable},
 * draft-4 rules) or the OpenAPI 3.1 dialect (JSON Schema 2020-12). The whole contract is registered as one schema
 * document so that local {@code $ref}s into {@code #/components/schemas} resolve; every other load is refused.
 */
public final class SchemaCompiler {

    private static final JsonMetaSchema OAS30 = quiet(OpenApi30.getInstance());
    private static final JsonMetaSchema OAS31 = quiet(OpenApi31.getInstance());

    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final String documentIri;

    public SchemaCompiler(JsonNode document, boolean openApi31) {
        // a unique IRI per compile: the factory caches by IRI and each publish brings a new document
        this.documentIri = "https://contracts.flowgate.invalid/" + UUID.randomUUID() + ".json";
        JsonMetaSchema dialect = openApi31 ? OAS31 : OAS30;
        String text = document.toString();
        this.factory = JsonSchemaFactory.getInstance(
                openApi31 ? SpecVersion.VersionFlag.V202012 : SpecVersion.VersionFlag.V4,
                builder -> builder.metaSchema(dialect)
                        .defaultMetaSchemaIri(dialect.getIri())
                        .schemaLoaders(loaders -> loaders.schemas(Map.of(documentIri, text))
                                .add(DisallowSchemaLoader.getInstance())));
        this.config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .nullableKeywordEnabled(true)
                .formatAssertionsEnabled(true)
                .build();
    }

    /**
     * @param pointer JSON pointer of a schema inside the contract, e.g. {@code /components/schemas/Order}
     * @throws SchemaCompileError when the schema cannot be compiled (bad keyword values, unresolvable refs)
     */
    public CompiledSchema compile(String pointer) {
        try {
            JsonSchema schema = factory.getSchema(SchemaLocation.of(documentIri + "#" + pointer), config);
            schema.initializeValidators();
            return new CompiledSchema(schema);
        } catch (RuntimeException e) {
            throw new SchemaCompileError("the schema at " + pointer + " cannot be used: " + e.getMessage());
        }
    }

    /** Unknown keywords (x-*, the document's own fields) are annotations; the default factory logs each one. */
    private static JsonMetaSchema quiet(JsonMetaSchema base) {
        return JsonMetaSchema.builder(base).unknownKeywordFactory((k, ctx) -> new AnnotationKeyword(k)).build();
    }
}
