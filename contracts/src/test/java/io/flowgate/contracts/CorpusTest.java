package io.flowgate.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real-world OpenAPI documents in {@code <repo>/../shared/corpus/openapi}: each must publish as a contract, and
 * as none has {@code x-flow-id}, the report must list every operation as unrouted.
 */
class CorpusTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    static Stream<Path> corpus() throws IOException {
        Path dir = corpusDirectory().resolve("openapi");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertThat(yaml).as("corpus files in " + dir).isNotEmpty()
                    .anySatisfy(f -> assertThat(f.getFileName().toString()).isEqualTo("oai-3.1-webhook-example.yaml"));
            return yaml.stream();
        }
    }

    /** Walks up from the module directory to the directory holding {@code shared/corpus} (the repo's parent). */
    private static Path corpusDirectory() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("corpus");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/corpus not found beside the repository (expected <repo>/../shared/corpus)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyCorpusDocumentPublishesWithEveryOperationUnrouted(Path file) throws IOException {
        String source = Files.readString(file);

        PublishReport report = Fixtures.registry().publish(source, null);

        assertThat(report.findings()).isEmpty();
        assertThat(report.unrouted()).hasSameSizeAs(report.contract().operations());
        Set<String> listed = new HashSet<>();
        report.unrouted().forEach(op -> listed.add(op.method() + " " + op.path()));
        assertThat(listed).isEqualTo(declaredOperations(source));
    }

    private static Set<String> declaredOperations(String source) throws IOException {
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(source).path("paths");
        Set<String> declared = new HashSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(key -> {
            if (METHODS.contains(key)) {
                declared.add(key.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return declared;
    }
}
