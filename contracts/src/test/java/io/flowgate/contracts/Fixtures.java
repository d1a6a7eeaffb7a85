package io.flowgate.contracts;

import io.flowgate.contracts.internal.DefaultContractRegistry;
import io.flowgate.contracts.internal.store.JdbcContractStore;
import io.flowgate.contracts.validation.RequestData;
import org.h2.jdbcx.JdbcDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test helpers: fixture files beside the tests, registries on a fresh in-memory H2, requests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** Reads {@code src/test/resources/io/flowgate/contracts/<name>}. */
    public static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JdbcDataSource memoryDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    public static DefaultContractRegistry registry(BindingCheck... checks) {
        return new DefaultContractRegistry(new JdbcContractStore(memoryDatabase()), List.of(checks));
    }

    /** A registry whose x-webhook secrets may come from files in {@code secretsDirectory}. */
    public static DefaultContractRegistry registry(Path secretsDirectory) {
        return new DefaultContractRegistry(new JdbcContractStore(memoryDatabase()), List.of(),
                SecretSources.of(System::getenv, secretsDirectory));
    }

    /** A minimal OpenAPI 3.0 document around the given path items (YAML, indented two spaces per level). */
    public static String document(String title, String pathsYaml) {
        return "openapi: 3.0.3\ninfo:\n  title: " + title + "\n  version: '1'\npaths:\n" + pathsYaml;
    }

    /** Builder for {@link RequestData}. */
    public static final class Request {
        private final String method;
        private final String path;
        private final Map<String, String> pathParameters = new LinkedHashMap<>();
        private final Map<String, List<String>> query = new LinkedHashMap<>();
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private String contentType;
        private byte[] body = new byte[0];

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public static Request to(String method, String path) {
            return new Request(method, path);
        }

        public Request pathParameter(String name, String value) {
            pathParameters.put(name, value);
            return this;
        }

        public Request pathParameters(Map<String, String> values) {
            pathParameters.putAll(values);
            return this;
        }

        public Request query(String name, String... values) {
            query.put(name, Arrays.asList(values));
            return this;
        }

        public Request header(String name, String... values) {
            headers.put(name.toLowerCase(java.util.Locale.ROOT), Arrays.asList(values));
            return this;
        }

        public Request claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        public Request json(String json) {
            return body("application/json", json);
        }

        public Request body(String contentType, String text) {
            this.contentType = contentType;
            this.body = text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        public RequestData build() {
            return new RequestData(method, path, pathParameters, query, headers, contentType, body, claims);
        }
    }
}
