package io.flowgate.contracts;

import io.flowgate.contracts.internal.DefaultContractRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** A contract with x-webhook publishes with its secret resolved, defaults to async, and refuses conflicts. */
class WebhookSpecPublishingTest {

    private static DefaultContractRegistry registry;

    @TempDir
    static Path dir;
    private String secretFile;

    @BeforeAll
    static void setUp() {
        registry = Fixtures.registry(dir);
    }

    @BeforeEach
    void writeSecret() throws IOException {
        secretFile = Files.writeString(dir.resolve("hook-secret"), "It's a Secret to Everybody\n").toString();
    }

    private static String document(String... extensions) {
        StringBuilder yaml = new StringBuilder("  /hooks/github:\n    post:\n      operationId: onPush\n"
                + "      x-flow-id: push-flow\n");
        Arrays.stream(extensions).forEach(line -> yaml.append("      ").append(line).append('\n'));
        yaml.append("      responses: { '202': { description: accepted } }\n");
        return Fixtures.document("Hooks", yaml.toString());
    }

    private Operation operation(String... extensions) {
        PublishReport report = registry.check(document(extensions), null);
        assertThat(report.findings()).isEmpty();
        return report.contract().operations().get(0);
    }

    @Test
    void resolvesTheSecretAtPublishTime() {
        Operation op = operation("x-webhook: {scheme: github, secret: 'file:" + secretFile + "'}");

        assertThat(op.policy().webhook()).get().satisfies(webhook -> {
            assertThat(webhook.scheme()).isEqualTo(WebhookSpec.Scheme.GITHUB);
            assertThat(webhook.secrets()).extracting(WebhookSpec.Secret::source).containsExactly("file:" + secretFile);
        });
    }

    @Test
    void webhookOperationsDefaultToAsync() {
        Operation op = operation("x-webhook: {scheme: github, secret: 'file:" + secretFile + "'}");

        assertThat(op.binding()).get().extracting(FlowBinding::mode).isEqualTo(FlowMode.ASYNC);
    }

    @Test
    void aWebhookMayStillAskForSync() {
        Operation op = operation("x-webhook: {scheme: github, secret: 'file:" + secretFile + "'}",
                "x-flow-mode: sync");

        assertThat(op.binding()).get().extracting(FlowBinding::mode).isEqualTo(FlowMode.SYNC);
    }

    @Test
    void otherOperationsStaySyncAndHaveNoWebhook() {
        Operation op = operation();

        assertThat(op.binding()).get().extracting(FlowBinding::mode).isEqualTo(FlowMode.SYNC);
        assertThat(op.policy().webhook()).isEmpty();
    }

    @Test
    void refusesTheContractWhenTheSecretIsNotSet() {
        PublishReport report = registry.check(document(
                "x-webhook: {scheme: standard-webhooks, secret: 'env:FLOWGATE_TEST_SURELY_UNSET_WEBHOOK_SECRET'}"),
                null);

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.operationId()).isEqualTo("onPush");
            assertThat(finding.reason()).isEqualTo("x-webhook: secret env:FLOWGATE_TEST_SURELY_UNSET_WEBHOOK_SECRET"
                    + " is not set or empty in the gateway's environment");
        });
    }

    @Test
    void aWebhookCannotBePublicOrRequireRoles() {
        String webhook = "x-webhook: {scheme: github, secret: 'file:" + secretFile + "'}";

        assertThat(registry.check(document(webhook, "x-public: true"), null).findings())
                .extracting(ContractFinding::reason)
                .contains("x-webhook: cannot be combined with x-public (the signature replaces the bearer token)");
        assertThat(registry.check(document(webhook, "x-required-roles: [ops]"), null).findings())
                .extracting(ContractFinding::reason)
                .contains("x-webhook: cannot be combined with x-required-roles (the signature replaces the bearer"
                        + " token)");
    }

    @Test
    void aWebhookCannotRequireAnIdempotencyKey() {
        String webhook = "x-webhook: {scheme: github, secret: 'file:" + secretFile + "'}";

        assertThat(registry.check(document(webhook, "x-idempotency: required"), null).findings())
                .extracting(ContractFinding::reason).anySatisfy(reason ->
                        assertThat(reason).startsWith("x-webhook: cannot be combined with x-idempotency: required"));
    }

    @Test
    void withoutASecretsDirectoryAFileSecretRefusesThePublish() {
        PublishReport report = Fixtures.registry().check(document(
                "x-webhook: {scheme: github, secret: 'file:" + secretFile + "'}"), null);

        assertThat(report.findings()).extracting(ContractFinding::reason).containsExactly("x-webhook: secret file:"
                + secretFile + " is refused: file: secrets are read only from the gateway's secrets directory, and "
                + "none is configured (FLOWGATE_SECRETS_DIR)");
    }

    @Test
    void perTenantSecretsPublishEachNamingItsTenant() throws IOException {
        Files.writeString(dir.resolve("diner-secret"), "the diner's own secret");

        Operation op = operation("x-webhook: {scheme: github, secret: {bistro: 'file:hook-secret', "
                + "diner: 'file:diner-secret'}}");

        assertThat(op.policy().webhook()).get().satisfies(webhook -> {
            assertThat(webhook.tenant()).isEqualTo(TenantSource.SECRET);
            assertThat(webhook.secrets()).extracting(WebhookSpec.Secret::tenant).containsExactly("bistro", "diner");
        });
    }

    @Test
    void theInstancesTenantPublishesOnACorrelation() {
        Operation op = operation("x-webhook: {scheme: github, secret: 'file:hook-secret', tenant: instance}",
                "x-flow-action: correlate", "x-flow-message: PaymentSettled", "x-flow-business-key: '{body.id}'");

        assertThat(op.policy().webhook()).get().extracting(WebhookSpec::tenant).isEqualTo(TenantSource.INSTANCE);
    }

    @Test
    void theInstancesTenantIsRefusedOnAStartOrATaskCompletion() {
        String webhook = "x-webhook: {scheme: github, secret: 'file:hook-secret', tenant: instance}";
        String finding = "x-webhook.tenant: instance applies only to x-flow-action: correlate (a start has no "
                + "instance to take the tenant from); use {fixed: <tenant>} or per-tenant secrets";

        assertThat(registry.check(document(webhook), null).findings()).extracting(ContractFinding::reason)
                .containsExactly(finding);
        assertThat(registry.check(document(webhook, "x-flow-action: complete-task", "x-flow-task: pack",
                "x-flow-business-key: '{body.id}'"), null).findings()).extracting(ContractFinding::reason)
                .containsExactly(finding);
    }
}
