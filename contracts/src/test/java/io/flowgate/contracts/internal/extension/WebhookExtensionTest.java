package io.flowgate.contracts.internal.extension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.flowgate.contracts.SecretSources;
import io.flowgate.contracts.TenantSource;
import io.flowgate.contracts.WebhookSpec;
import io.flowgate.contracts.WebhookSpec.Scheme;
import org.junit.jupiter.api.BeforeEach;
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
            "NOT_BASE64", "whsec_***not base64***",
            "BISTRO_SECRET", "bistro's secret",
            "BISTRO_OLD", "bistro's old secret",
            "DINER_SECRET", "diner's secret");

    /** Holds the secrets directory and, beside it, files a contract must not reach. */
    @TempDir
    Path root;
    private Path dir;

    private final List<String> findings = new ArrayList<>();
    private WebhookExtension extension;

    @BeforeEach
    void secretsDirectory() throws IOException {
        dir = Files.createDirectory(root.resolve("secrets"));
        extension = new WebhookExtension(SecretSources.of(ENV::get, dir));
    }

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
                .contains("cannot be used");
    }

    @Test
    void anEmptySecretFileIsAFinding() throws IOException {
        Path file = Files.writeString(dir.resolve("empty"), "\n");

        assertThat(read("{scheme: github, secret: 'file:" + file + "'}")).isEmpty();
        assertThat(findings).singleElement().asString().contains("cannot be used");
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
            tenant as text     | {scheme: github, secret: 'env:HOOK_SECRET', tenant: bistro} | x-webhook.tenant: must be instance (the tenant of the instance
            tenant from body   | {scheme: github, secret: 'env:HOOK_SECRET', tenant: '{body.tenant}'} | x-webhook.tenant: must be instance
            fixed not an id    | {scheme: github, secret: 'env:HOOK_SECRET', tenant: {fixed: 'a b'}} | x-webhook.tenant.fixed: must be a tenant id
            fixed and more     | {scheme: github, secret: 'env:HOOK_SECRET', tenant: {fixed: a, from: b}} | x-webhook.tenant: must be instance
            tenant and map     | {scheme: github, secret: {bistro: 'env:BISTRO_SECRET'}, tenant: instance} | x-webhook.tenant: cannot be combined with per-tenant secrets
            no tenant in map   | {scheme: github, secret: {}}                        | x-webhook.secret: per-tenant secrets must name at least one tenant
            bad tenant in map  | {scheme: github, secret: {'no tenant': 'env:BISTRO_SECRET'}} | x-webhook.secret: 'no tenant' is not a tenant id
            empty tenant list  | {scheme: github, secret: {bistro: []}}              | x-webhook.secret.bistro must name at least one env:NAME or file:PATH
            pasted tenant key  | {scheme: github, secret: {bistro: 'hunter2'}}       | x-webhook.secret.bistro must be env:NAME or file:PATH
            unset tenant key   | {scheme: github, secret: {bistro: 'env:GONE'}}      | x-webhook: secret env:GONE is not set
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

    // --- tenants ------------------------------------------------------------------------------------------------

    @Test
    void withoutATenantMemberADeliveryHasNoTenant() {
        assertThat(read("{scheme: github, secret: 'env:HOOK_SECRET'}").orElseThrow().tenant())
                .isEqualTo(TenantSource.NONE);
    }

    @Test
    void readsAFixedTenantAndTheInstancesTenant() {
        assertThat(read("{scheme: github, secret: 'env:HOOK_SECRET', tenant: {fixed: bistro}}").orElseThrow()
                .tenant()).isEqualTo(TenantSource.fixed("bistro"));
        assertThat(read("{scheme: github, secret: 'env:HOOK_SECRET', tenant: instance}").orElseThrow().tenant())
                .isEqualTo(TenantSource.INSTANCE);
        assertThat(findings).isEmpty();
    }

    @Test
    void perTenantSecretsNameTheirTenantAndATenantMayRotate() {
        WebhookSpec spec = read("{scheme: hmac-sha256, secret: {bistro: ['env:BISTRO_SECRET', 'env:BISTRO_OLD'], "
                + "diner: 'env:DINER_SECRET'}}").orElseThrow();

        assertThat(findings).isEmpty();
        assertThat(spec.tenant()).isEqualTo(TenantSource.SECRET);
        assertThat(spec.secrets()).extracting(WebhookSpec.Secret::tenant).containsExactly("bistro", "bistro",
                "diner");
        assertThat(spec.keysByTenant()).containsOnlyKeys("bistro", "diner");
        assertThat(spec.keysByTenant().get("bistro")).hasSize(2);
        assertThat(spec.toString()).contains("bistro: env:BISTRO_SECRET").doesNotContain("bistro's secret");
    }

    @Test
    void twoTenantsWithTheSameKeyAreRefused() {
        assertThat(read("{scheme: github, secret: {bistro: 'env:BISTRO_SECRET', diner: 'env:BISTRO_SECRET'}}"))
                .isEmpty();

        assertThat(findings).singleElement().asString().startsWith("x-webhook.secret: the tenants bistro and diner "
                + "have the same key").doesNotContain("bistro's secret");
    }

    // --- file: secrets only from the secrets directory ---------------------------------------------------------

    @Test
    void readsAFileNamedRelativeToTheSecretsDirectory() throws IOException {
        Files.createDirectory(dir.resolve("payments"));
        Files.writeString(dir.resolve("payments/hook"), "relative secret\n");

        WebhookSpec spec = read("{scheme: github, secret: 'file:payments/hook'}").orElseThrow();

        assertThat(spec.secrets().get(0).key()).isEqualTo("relative secret".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void withoutASecretsDirectoryFileSecretsAreRefusedWhetherOrNotTheFileExists() throws IOException {
        Path existing = Files.writeString(root.resolve("existing"), "readable by the gateway");
        extension = new WebhookExtension(SecretSources.of(ENV::get, null));

        String aboutExisting = refusal("file:" + existing);
        String aboutMissing = refusal("file:" + root.resolve("missing"));

        assertThat(aboutExisting).isEqualTo("x-webhook: secret file:" + existing + " is refused: file: secrets are "
                + "read only from the gateway's secrets directory, and none is configured (FLOWGATE_SECRETS_DIR)");
        assertThat(aboutMissing).isEqualTo(aboutExisting.replace(existing.toString(),
                root.resolve("missing").toString()));
    }

    @Test
    void aPathOutOfTheDirectoryIsRefusedExactlyLikeAMissingFile() throws IOException {
        Files.writeString(root.resolve("outside"), "a file beside the secrets directory");

        assertThat(alike("file:../outside", "file:../missing")).isTrue();
        assertThat(alike("file:" + root.resolve("outside"), "file:" + root.resolve("missing"))).isTrue();
        assertThat(alike("file:" + dir + "/../outside", "file:" + dir + "/missing")).isTrue();
        assertThat(refusal("file:../outside")).isEqualTo("x-webhook: secret file:../outside cannot be used: it must "
                + "name a readable, non-empty file of at most 64 KiB inside the secrets directory "
                + "(FLOWGATE_SECRETS_DIR)");
    }

    @Test
    void aSymbolicLinkOutOfTheDirectoryIsRefusedButOneInsideItIsFollowed() throws IOException {
        Path outside = Files.writeString(root.resolve("outside"), "a file beside the secrets directory");
        Files.createSymbolicLink(dir.resolve("escape"), outside);
        Files.createDirectory(dir.resolve("..data"));
        Files.writeString(dir.resolve("..data/hook"), "mounted secret");
        Files.createSymbolicLink(dir.resolve("hook"), dir.resolve("..data/hook"));

        assertThat(alike("file:escape", "file:missing")).isTrue();
        assertThat(read("{scheme: github, secret: 'file:hook'}").orElseThrow().secrets().get(0).key())
                .isEqualTo("mounted secret".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDirectoryAnEmptyFileAndATooLargeFileAreRefusedLikeAMissingOne() throws IOException {
        Files.createDirectory(dir.resolve("folder"));
        Files.writeString(dir.resolve("empty"), "");
        Files.write(dir.resolve("large"), new byte[64 * 1024 + 1]);

        assertThat(alike("file:folder", "file:missing")).isTrue();
        assertThat(alike("file:empty", "file:missing")).isTrue();
        assertThat(alike("file:large", "file:missing")).isTrue();
        assertThat(alike("file:.", "file:missing")).isTrue();
    }

    /** The one finding about {@code source}. */
    private String refusal(String source) {
        findings.clear();
        assertThat(read("{scheme: github, secret: '" + source + "'}")).isEmpty();
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    /** Whether the findings about two sources read the same apart from the source itself. */
    private boolean alike(String source, String other) {
        return refusal(source).replace(source, "SOURCE").equals(refusal(other).replace(other, "SOURCE"));
    }
}
