package io.flowgate.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Real OpenAPI and BPMN files written by others (shared/corpus) get the outcome its README expects, over HTTP. */
class CorpusIT {

    private static GatewayServer gateway;
    private static Path corpus;

    @BeforeAll
    static void start() {
        corpus = Corpus.dir();
        gateway = GatewayServer.start();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static Reply deploy(String suffix) throws IOException {
        Path file = Corpus.file(corpus.resolve("bpmn"), suffix);
        return gateway.post("/admin/flows?file=" + file.getFileName(), "application/xml", Files.readString(file));
    }

    @Test
    void acceptsTheSafeBpmnFiles() throws IOException {
        for (String suffix : List.of("invoiceApproval.bpmn", "loanApproval.bpmn", "message_start_process.bpmn")) {
            Reply reply = deploy(suffix);
            assertThat(reply.status()).as(suffix + ": " + reply).isIn(200, 201);
        }
    }

    /**
     * The corpus README lists these as accepted, but their timer start events start an instance every five seconds:
     * more often than the default timer floor (a minute, FLOWGATE_TIMER_FLOOR) allows.
     */
    @Test
    void refusesTheTimerStartEventsFiringEveryFiveSecondsNamingTheElement() throws IOException {
        for (String suffix : List.of("order-handling.bpmn", "loan-granting.bpmn")) {
            Reply reply = deploy(suffix);

            assertRejected(reply, suffix);
            JsonNode finding = reply.json().path("findings").get(0);
            assertThat(finding.path("element").asText()).as(suffix).isEqualTo("StartEvent_1");
            assertThat(finding.path("reason").asText()).as(suffix)
                    .contains("'0/5 0/1 * 1/1 * ?' fires every 5 s", "FLOWGATE_TIMER_FLOOR");
        }
    }

    @Test
    void refusesJavaClassServiceTasksNamingEachOne() throws IOException {
        Reply reply = deploy("retry-example.bpmn");

        assertRejected(reply, "retry-example.bpmn");
        List<String> elements = reply.json().path("findings").findValuesAsText("element");
        assertThat(elements).isNotEmpty();
        reply.json().path("findings").forEach(f -> assertThat(f.path("reason").asText()).contains("camunda:class"));
    }

    @Test
    void refusesScriptTasksNamingTheElement() throws IOException {
        Reply reply = deploy("xslt-example.bpmn");

        assertRejected(reply, "xslt-example.bpmn");
        assertThat(reply.json().path("findings").toString()).containsIgnoringCase("script task");
    }

    @Test
    void refusesExpressionsCallingBeansNamingElementAndExpression() throws IOException {
        Reply reply = deploy("mainProcess.bpmn");

        assertRejected(reply, "mainProcess.bpmn");
        JsonNode finding = reply.json().path("findings").get(0);
        assertThat(finding.path("element").asText()).isEqualTo("CallActivity_0ahffuc");
        assertThat(finding.path("reason").asText()).contains("calledElementTenantIdProvider.resolveTenantId");
    }

    @Test
    void refusesCamundasHttpConnectorNamingItAndTheConnectorToUseInstead() throws IOException {
        Reply reply = deploy("invokeRestService.bpmn");

        assertRejected(reply, "invokeRestService.bpmn");
        assertThat(reply.json().path("findings").toString()).contains("http-connector")
                .contains("use http.request");
        assertThat(reply.json().path("findings").findValuesAsText("element")).allMatch(e -> !e.isBlank());
    }

    @Test
    void loadsEveryOpenApiDocumentListingEachOperationAsUnrouted() throws IOException {
        try (Stream<Path> files = Files.list(corpus.resolve("openapi"))) {
            for (Path file : files.sorted().toList()) {
                Reply reply = gateway.post("/admin/contracts?dryRun=true", "application/yaml",
                        Files.readString(file));
                assertThat(reply.status()).as(file.getFileName() + ": " + reply).isEqualTo(200);
                assertThat(reply.json().path("ok").asBoolean()).as(file.getFileName() + ": " + reply).isTrue();
                JsonNode operations = reply.json().path("operations");
                operations.forEach(op -> {
                    assertThat(op.path("method").asText()).isNotBlank();
                    assertThat(op.path("path").asText()).startsWith("/");
                    assertThat(op.path("routed").asBoolean()).isFalse();
                });
                assertThat(reply.json().path("unrouted")).hasSize(operations.size());
            }
        }
    }

    private static void assertRejected(Reply reply, String fileSuffix) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("findings").get(0).path("file").asText()).endsWith(fileSuffix);
    }
}
