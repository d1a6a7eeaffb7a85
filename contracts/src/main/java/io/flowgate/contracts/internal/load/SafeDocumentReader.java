package io.flowgate.contracts.internal.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Turns a contract's text (YAML or JSON) into a JSON tree with hard limits, before any OpenAPI library sees it.
 * swagger-parser raises SnakeYAML's limits (a 500-byte alias bomb took it almost a minute), so the document is
 * parsed here with safe limits and only the resulting tree is handed on.
 */
public final class SafeDocumentReader {

    /** Largest accepted document, in characters. */
    public static final int MAX_DOCUMENT_CHARS = 2 * 1024 * 1024;
    static final int MAX_ALIASES = 50;
    static final int MAX_DEPTH = 64;
    /** Few aliases can still expand exponentially (2 per level × 25 levels): cap the expanded size too. */
    static final int MAX_EXPANDED_NODES = 250_000;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    /**
     * @throws DocumentRefused when the text is too large, too deep, has too many aliases, custom tags, duplicate
     *                         keys or is not YAML/JSON at all
     */
    public JsonNode read(String source) {
        if (source == null || source.isBlank()) {
            throw new DocumentRefused("the document is empty");
        }
        if (source.length() > MAX_DOCUMENT_CHARS) {
            throw new DocumentRefused("the document is larger than " + MAX_DOCUMENT_CHARS / 1024 + " KiB");
        }
        return looksLikeJson(source) ? readJson(source) : readYaml(source);
    }

    private static boolean looksLikeJson(String source) {
        return source.stripLeading().startsWith("{");
    }

    private static JsonNode readJson(String source) {
        try (JsonParser parser = JSON.createParser(source)) {
            JsonNode tree = JSON.readTree(parser);
            if (parser.nextToken() != null) {
                throw new DocumentRefused("unexpected content after the JSON document");
            }
            return requireObject(tree);
        } catch (JsonProcessingException e) {
            throw new DocumentRefused("not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DocumentRefused("not valid JSON: " + e.getMessage());
        }
    }

    private static JsonNode readYaml(String source) {
        Object loaded;
        try {
            loaded = new Yaml(new StringTimestamps(yamlLimits())).load(source);
        } catch (RuntimeException e) {
            // SnakeYAML signals every limit (aliases, depth, size, tags, duplicates) with a YAMLException
            throw new DocumentRefused("not accepted as YAML: " + describe(e));
        }
        new ExpansionBudget(MAX_EXPANDED_NODES).count(loaded);
        return requireObject(JSON.valueToTree(loaded));
    }

    private static LoaderOptions yamlLimits() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_DOCUMENT_CHARS);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setTagInspector(tag -> false);
        return options;
    }

    private static JsonNode requireObject(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new DocumentRefused("the document is not a mapping (an OpenAPI document is an object)");
        }
        return tree;
    }

    private static String describe(RuntimeException e) {
        if (e instanceof MarkedYAMLException marked && marked.getProblem() != null) {
            String line = marked.getProblemMark() == null ? ""
                    : " (line " + (marked.getProblemMark().getLine() + 1) + ")";
            return marked.getProblem() + line;
        }
        return firstLine(e.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Keeps unquoted dates ({@code example: 2024-01-01}) as the text written, as JSON would. */
    private static final class StringTimestamps extends SafeConstructor {
        StringTimestamps(LoaderOptions options) {
            super(options);
            this.yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
        }
    }

    /** Counts nodes as JSON would expand them (aliases shared in memory count every time), stopping at a cap. */
    private static final class ExpansionBudget {
        private final int max;
        private int used;

        ExpansionBudget(int max) {
            this.max = max;
        }

        void count(Object value) {
            if (++used > max) {
                throw new DocumentRefused("the document expands to more than " + max
                        + " values (aliases repeat content)");
            }
            if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    count(e.getKey());
                    count(e.getValue());
                }
            } else if (value instanceof List<?> list) {
                list.forEach(this::count);
            } else if (value instanceof Date) {
                throw new DocumentRefused("unsupported YAML timestamp value");
            }
        }
    }
}
