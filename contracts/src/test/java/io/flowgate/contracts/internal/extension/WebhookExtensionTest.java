package io.flowgate.contracts.internal.extension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.flowgate.contracts.WebhookSpec;
import io.flowgate.contracts.WebhookSpec.Scheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** x-webhook is read and its secrets resolved at publish time; every problem is a finding that never shows a key. */
class WebhookExtensionTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String WHSEC = "whsec_" + Base64.getEncoder().encodeToString(KEY);
    private static final Map<String, String> ENV = Map.of(
            "HOOK_SECRET", "It's a Secret to Everybody",
            "HOOK_OLD", "old-secret",
            "STANDARD_SECRET", WHSEC,
            "EMPTY_SECRET", "",
            "NOT_BASE64", "whsec_***not base64***");

    @TempDir
    Path dir;

    private final List<String> findings = new ArrayList<>();
    private final WebhookExtension extension = new WebhookExtension(ENV::get);

    private Optional<WebhookSpec> read(String yaml) {
        return read(yaml, "POST");
    }

    private Optional<WebhookSpec> read(String yaml, String method) {
        try {
            JsonNode node = YAML.readTree(yaml);
            return extension.read(node, method, findings);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readsTheSchemeAndTheSecretFromTheEnvironmentAsRawBytes() {
        WebhookSpec spec = read("{scheme: github, secret: 'env:HOOK_SECRET'}").orElseThrow();

        assertThat(findings).isEmpty();
        assertThat(spec.scheme()).isEqualTo(Scheme.GITHUB);
        assertThat(spec.secrets()).singleElement().satisfies(secret -> {
            assertThat(secret.source()).isEqualTo("env:HOOK_SECRET");
            assertThat(secret.key()).isEqualTo("It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8));
        });
    }

    @Test
    void decodesStandardWebhooksSecretsAfterTheirPrefix() {
        WebhookSpec spec = read("{scheme: standard-webhooks, secret: 'env:STANDARD_SECRET'}").orElseThrow();

        assertThat(spec.secrets().get(0).key()).isEqualTo(KEY);
    }

    @Test
    void keepsEverySecretOfAListForRotationInOrder() throws IOException {
        Path file = Files.writeString(dir.resolve("new-secret"), "new-secret\n");

        WebhookSpec spec = read("{scheme: hmac-sha256, secret: ['file:" + file + "', 'env:HOOK_OLD']}").orElseThrow();

        assertThat(findings).isEmpty();
        assertThat(spec.secrets()).extracting(s -> new String(s.key(), StandardCharsets.UTF_8))
                .containsExactly("new-secret", "old-secret");
    }

    @Test
    void aTrailingLineBreakInASecretFileIsNotPartOfTheKey() throws IOException {
        Path file = Files.writeString(dir.resolve("secret"), "s3cr3t\r\n");

        WebhookSpec spec = read("{scheme: github, secret: 'file:" + file + "'}").orElseThrow();

        assertThat(spec.secrets().get(0).key()).isEqualTo("s3cr3t".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void neverShowsAKeyInToString() {
        WebhookSpec spec = read("{scheme: github, secret: 'env:HOOK_SECRET'}").orElseThrow();

        assertThat(spec.toString()).contains("env:HOOK_SECRET").doesNotContain("Everybody");
    }

    @Test
    void aMissingSecretFileIsAFindingNamingTheExtensionAndTheFile() {
        Optional<WebhookSpec> spec = read("{scheme: github, secret: 'file:" + dir.resolve("nope") + "'}");

        assertThat(spec).isEmpty();
        assertThat(findings).singleElement().asString().startsWith("x-webhook: secret file:")
                .contains("cannot be read");
    }

    @Test
    void anEmptySecretFileIsAFinding() throws IOException {
        Path file = Files.writeString(dir.resolve("empty"), "\n");

        assertThat(read("{scheme: github, secret: 'file:" + file + "'}")).isEmpty();
        assertThat(findings).singleElement().asString().contains("is empty");
    }

    @Test
    void aSecretPastedIntoTheContractIsRefusedWithoutEchoingIt() {
        assertThat(read("{scheme: github, secret: 'hunter2-super-secret'}")).isEmpty();

        assertThat(findings).singleElement().asString().startsWith("x-webhook: secret must be env:NAME or file:PATH")
                .doesNotContain("hunter2");
    }

    @Test
    void aStandardWebhooksSecretThatIsNotBase64IsRefusedWithoutEchoingIt() {
        assertThat(read("{scheme: standard-webhooks, secret: 'env:NOT_BASE64'}")).isEmpty();

        assertThat(findings).singleElement().asString().contains("env:NOT_BASE64")
                .contains("not a Standard Webhooks secret").doesNotContain("***");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not an object      | github                                              | x-webhook: must be an object
            unknown scheme     | {scheme: stripe, secret: 'env:HOOK_SECRET'}         | x-webhook: scheme must be one of standard-webhooks, github, hmac-sha256
            scheme missing     | {secret: 'env:HOOK_SECRET'}                         | x-webhook: scheme must be one of
            secret missing     | {scheme: github}                                    | x-webhook: secret is required
            empty secret list  | {scheme: github, secret: []}                        | x-webhook: secret must name at least one
            unset variable     | {scheme: github, secret: 'env:NOT_THERE'}           | x-webhook: secret env:NOT_THERE is not set or empty
            empty variable     | {scheme: github, secret: 'env:EMPTY_SECRET'}        | x-webhook: secret env:EMPTY_SECRET is not set or empty
            bad variable name  | {scheme: github, secret: 'env:A-B'}                 | x-webhook: secret must be env:NAME or file:PATH
            one of two unset   | {scheme: github, secret: ['env:HOOK_SECRET', 'env:GONE']} | x-webhook: secret env:GONE is not set
            unknown member     | {scheme: github, secret: 'env:HOOK_SECRET', tolerance: 1m} | x-webhook: unknown member 'tolerance'
            """)
    void refusesMalformedWebhooks(String name, String yaml, String finding) {
        assertThat(read(yaml)).isEmpty();

        assertThat(findings).anySatisfy(f -> assertThat(f).startsWith(finding));
    }

    @Test
    void onlyOperationsWithABodyCanBeWebhooks() {
        assertThat(read("{scheme: github, secret: 'env:HOOK_SECRET'}", "GET")).isEmpty();

        assertThat(findings).singleElement().asString().contains("only POST, PUT and PATCH");
    }

    @Test
    void noExtensionNoWebhook() {
        assertThat(extension.read(null, "POST", findings)).isEmpty();
        assertThat(findings).isEmpty();
    }
}
