package io.flowgate.contracts;

import com.sun.net.httpserver.HttpServer;
import io.flowgate.contracts.internal.DefaultContractRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafeLoadingTest {

    private static DefaultContractRegistry registry;

    @BeforeAll
    static void warmUp() {
        registry = Fixtures.registry();
        // load the parser classes once so the timings below measure the documents, not class loading
        registry.check(Fixtures.read("orders.yaml"), null);
    }

    private static String reason(String source) {
        PublishReport report = registry.check(source, null);
        assertThat(report.findings()).isNotEmpty();
        return report.findings().get(0).reason();
    }

    @Test
    void refusesABillionLaughsAliasBombWithin100Milliseconds() {
        String bomb = Fixtures.read("loading/billion-laughs.yaml");
        long start = System.nanoTime();
        String reason = reason(bomb);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(reason).contains("aliases");
        assertThat(elapsedMs).as("elapsed ms").isLessThan(100);
    }

    @Test
    void refusesFewAliasesThatDoubleAtEveryLevelWithin100Milliseconds() {
        String bomb = Fixtures.read("loading/doubling-aliases.yaml");
        long start = System.nanoTime();
        String reason = reason(bomb);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(reason).contains("expands to more than");
        assertThat(elapsedMs).as("elapsed ms").isLessThan(100);
    }

    @Test
    void publishingABombIsRejectedNotAServerError() {
        assertThatThrownBy(() -> registry.publish(Fixtures.read("loading/billion-laughs.yaml"), null))
                .isInstanceOf(ContractRejected.class);
    }

    @Test
    void refusesDocumentsNestedTooDeeply() {
        String deep = "openapi: 3.0.3\ninfo: {title: Deep, version: '1'}\nx-deep: " + "[".repeat(100)
                + "]".repeat(100) + "\npaths: {}\n";
        assertThat(reason(deep)).containsIgnoringCase("nesting depth");
    }

    @Test
    void refusesDuplicateKeys() {
        String duplicated = "openapi: 3.0.3\ninfo: {title: Dup, version: '1'}\npaths: {}\npaths: {}\n";
        assertThat(reason(duplicated)).contains("duplicate key");
    }

    @Test
    void refusesCustomTags() {
        String tagged = "openapi: 3.0.3\ninfo: {title: Tag, version: '1'}\nx-evil: !!javax.script.ScriptEngineManager []\n"
                + "paths: {}\n";
        assertThat(reason(tagged)).contains("not accepted as YAML");
    }

    @Test
    void refusesDocumentsLargerThanTwoMebibytes() {
        String huge = "openapi: 3.0.3\ninfo: {title: Huge, version: '1'}\nx-pad: '" + "x".repeat(2_200_000)
                + "'\npaths: {}\n";
        assertThat(reason(huge)).contains("larger than");
    }

    @Test
    void refusesARemoteRefWithoutFetchingIt() throws IOException {
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            byte[] body = "{\"components\":{\"schemas\":{\"Pet\":{\"type\":\"object\"}}}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/pet.yaml";
            String source = Fixtures.read("loading/remote-ref.yaml").replace("REMOTE", url);

            assertThat(reason(source)).startsWith("remote and file $refs are not allowed")
                    .contains(url).contains("/paths/~1pets/get/responses/200");
            assertThatThrownBy(() -> registry.publish(source, null)).isInstanceOf(ContractRejected.class);
            assertThat(hits).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void refusesAFileRef(@TempDir Path dir) throws IOException {
        Path pet = Files.writeString(dir.resolve("pet.yaml"), "type: object\n");
        for (String ref : new String[]{pet.toUri().toString(), "pet.yaml", "./pet.yaml#/Pet"}) {
            String source = Fixtures.read("loading/remote-ref.yaml").replace("REMOTE#/components/schemas/Pet", ref);
            assertThat(reason(source)).startsWith("remote and file $refs are not allowed").contains(ref);
        }
    }

    @Test
    void refusesALocalRefThatPointsNowhere() {
        String source = Fixtures.read("loading/remote-ref.yaml").replace("REMOTE#/components/schemas/Pet",
                "#/components/schemas/Nope");
        assertThat(reason(source)).contains("points to nothing");
    }

    @Test
    void loadsAnOpenApi31DocumentWithOnlyWebhooks() {
        PublishReport report = registry.check(Fixtures.read("loading/webhooks-only-3.1.yaml"), null);
        assertThat(report.findings()).isEmpty();
        assertThat(report.contract().openApiVersion()).isEqualTo("3.1.0");
        assertThat(report.contract().operations()).isEmpty();
    }

    @Test
    void acceptsJsonDocuments() {
        String json = "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Json Pets\",\"version\":\"1\"},"
                + "\"paths\":{\"/pets\":{\"get\":{\"responses\":{\"200\":{\"description\":\"ok\"}}}}}}";
        PublishReport report = registry.check(json, null);
        assertThat(report.findings()).isEmpty();
        assertThat(report.contract().name()).isEqualTo("json-pets");
    }

    @Test
    void turnsParserMessagesIntoFindings() {
        String broken = "openapi: 3.0.3\ninfo: {title: Broken}\npaths:\n  /a:\n    get:\n"
                + "      parameters: [{name: x}]\n      responses: {'200': {description: ok}}\n";
        assertThat(registry.check(broken, null).findings()).extracting(ContractFinding::reason)
                .contains("attribute info.version is missing");
    }

    @Test
    void refusesSwagger2AndOtherVersions() {
        assertThat(reason("swagger: '2.0'\ninfo: {title: Old, version: '1'}\npaths: {}\n"))
                .contains("only OpenAPI 3.0.x and 3.1.x");
    }

    @Test
    void namesAContractFromOverrideExtensionOrTitle() {
        String titled = "openapi: 3.0.3\ninfo: {title: 'Restaurant  Orders (EU)', version: '1'}\npaths: {}\n";
        assertThat(registry.check(titled, null).contract().name()).isEqualTo("restaurant-orders-eu");
        assertThat(registry.check(titled, "kitchen").contract().name()).isEqualTo("kitchen");
        String named = "openapi: 3.0.3\ninfo: {title: X, version: '1', x-contract-name: orders-v2}\npaths: {}\n";
        assertThat(registry.check(named, null).contract().name()).isEqualTo("orders-v2");
    }

    @Test
    void refusesNamesThatAreNotUrlSafe() {
        String titled = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n";
        assertThat(registry.check(titled, "Bad Name").findings()).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("must match [a-z0-9][a-z0-9-]{0,62}"));
    }
}
