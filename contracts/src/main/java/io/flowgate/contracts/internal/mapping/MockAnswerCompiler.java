package io.flowgate.contracts.internal.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.contracts.MockAnswer;
import io.flowgate.contracts.internal.JsonPointers;
import io.flowgate.contracts.internal.JsonPointers.Located;
import io.flowgate.contracts.internal.validation.SchemaCompileError;
import io.flowgate.contracts.internal.validation.SchemaCompiler;
import io.flowgate.contracts.validation.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compiles the answer of an {@code x-flow-action: mock} operation at publish: the declared success response (the
 * first 2xx, or {@code x-flow-response.status}) and its JSON example — the media type's {@code example}, else the
 * first of its {@code examples}, else its schema's {@code example} — checked against the response schema and
 * serialized once. Every reason an answer cannot be made is a finding, so no request ever meets one.
 */
public final class MockAnswerCompiler {

    static final String MOCK = "x-flow-action: mock";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final SchemaCompiler schemas;
    private final DeclaredResponses declared;

    public MockAnswerCompiler(JsonNode document, SchemaCompiler schemas) {
        this.document = document;
        this.schemas = schemas;
        this.declared = new DeclaredResponses(document);
    }

    /** @param findings reasons (starting with {@code x-flow-action: mock} or the extension at fault) are added here */
    public Optional<MockAnswer> compile(Located operation, List<String> findings) {
        JsonNode extension = operation.node().path(ResponseMappingCompiler.EXTENSION);
        if (extension.has("body")) {
            findings.add(ResponseMappingCompiler.EXTENSION + ".body: a mock answers the response's example; a body "
                    + "template needs a flow's variables (" + MOCK + " runs no flow)");
        }
        Located responses = operation.child("responses");
        int status = DeclaredResponses.status(extension, responses.node());
        Located response = declared.response(responses, status);
        if (response == null) {
            findings.add(MOCK + ": the operation declares no " + status + " response to answer with");
            return Optional.empty();
        }
        JsonNode content = response.node().path("content");
        if (content.isEmpty()) {
            return Optional.of(MockAnswer.empty(status));
        }
        Optional<String> mediaType = DeclaredResponses.jsonMediaType(response);
        if (mediaType.isEmpty()) {
            List<String> declaredTypes = new ArrayList<>();
            content.fieldNames().forEachRemaining(declaredTypes::add);
            findings.add(MOCK + ": response " + status + " declares no JSON content (only "
                    + String.join(", ", declaredTypes) + "); a mock answers JSON");
            return Optional.empty();
        }
        Located media = response.child("content").child(mediaType.get());
        return example(media, mediaType.get(), status, findings)
                .filter(example -> matchesSchema(example, media, status, findings))
                .map(example -> new MockAnswer(status, mediaType.get(), serialize(example)));
    }

    /** The media type's {@code example}, else the first of its {@code examples}, else its schema's. */
    private Optional<JsonNode> example(Located media, String mediaType, int status, List<String> findings) {
        JsonNode node = media.node();
        if (node.has("example")) {
            return Optional.of(node.get("example"));
        }
        if (node.path("examples").isObject() && !node.get("examples").isEmpty()) {
            return firstNamedExample(media.child("examples"), status, findings);
        }
        Located schema = JsonPointers.follow(document, node.path("schema"), media.pointer() + "/schema");
        if (schema.node().has("example")) {
            return Optional.of(schema.node().get("example"));
        }
        if (schema.node().path("examples").isArray() && !schema.node().get("examples").isEmpty()) {
            return Optional.of(schema.node().get("examples").get(0)); // OpenAPI 3.1: JSON Schema's examples
        }
        findings.add(MOCK + ": response " + status + " has no example to answer with; give its " + mediaType
                + " content an example, examples or a schema example");
        return Optional.empty();
    }

    private Optional<JsonNode> firstNamedExample(Located examples, int status, List<String> findings) {
        String name = examples.node().fieldNames().next();
        Located raw = examples.child(name);
        JsonNode example = JsonPointers.follow(document, raw.node(), raw.pointer()).node();
        if (example.has("value")) {
            return Optional.of(example.get("value"));
        }
        findings.add(MOCK + ": response " + status + " example '" + name + "' has no value to answer with"
                + (example.has("externalValue") ? " (externalValue is never fetched)" : ""));
        return Optional.empty();
    }

    private boolean matchesSchema(JsonNode example, Located media, int status, List<String> findings) {
        if (!media.node().has("schema")) {
            return true;
        }
        List<Violation> violations;
        try {
            violations = schemas.compile(media.pointer() + "/schema").validate(example, "body", "");
        } catch (SchemaCompileError e) {
            return false; // the response mapping reports the unusable schema
        }
        violations.forEach(v -> findings.add(MOCK + ": the example of response " + status
                + " does not match its schema at " + (v.pointer().isEmpty() ? "/" : v.pointer()) + ": "
                + v.message()));
        return violations.isEmpty();
    }

    private static byte[] serialize(JsonNode example) {
        try {
            return JSON.writeValueAsBytes(example);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
