package io.flowgate.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.contracts.internal.DefaultContractRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code x-flow-action: mock}: the answer is decided and serialized at publish, or the contract is refused. */
class MockActionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECEIPT = "{type: object, required: [id, total], properties: {id: {type: string}, "
            + "total: {type: number}}}";

    private static DefaultContractRegistry registry;

    @BeforeAll
    static void setUp() {
        registry = Fixtures.registry();
    }

    /** {@code POST /receipts} with the given operation lines and a {@code responses:} block (YAML, 6 spaces in). */
    private static String receipts(String... lines) {
        StringBuilder yaml = new StringBuilder("  /receipts:\n    post:\n      operationId: createReceipt\n");
        for (String line : lines) {
            yaml.append("      ").append(line).append('\n');
        }
        return Fixtures.document("Receipts", yaml.toString()) + """
                components:
                  examples:
                    paid:
                      value: {id: R-7, total: 12.5}
                """;
    }

    private static Operation published(String document) {
        PublishReport report = registry.check(document, null);
        assertThat(report.findings()).isEmpty();
        assertThat(report.unrouted()).isEmpty();
        return report.contract().operations().get(0);
    }

    private static MockAnswer answer(String document) {
        FlowBinding binding = published(document).binding().orElseThrow();
        assertThat(binding.action()).isEqualTo(FlowAction.MOCK);
        assertThat(binding.flowId()).isNull();
        assertThat(binding.runsFlow()).isFalse();
        return binding.mock().orElseThrow();
    }

    private static JsonNode body(MockAnswer answer) throws IOException {
        return JSON.readTree(answer.body());
    }

    private static String onlyFinding(String document) {
        PublishReport report = registry.check(document, null);
        assertThat(report.ok()).isFalse();
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.method()).isEqualTo("POST");
            assertThat(f.path()).isEqualTo("/receipts");
        });
        return report.findings().get(0).reason();
    }

    @Test
    void answersTheFirstDeclaredSuccessWithItsJsonExample() throws IOException {
        MockAnswer answer = answer(receipts("x-flow-action: mock", "responses:",
                "  '400': {description: bad}",
                "  '201': {description: made, content: {application/json: {schema: " + RECEIPT + ", "
                        + "example: {id: R-1, total: 9.9}}}}",
                "  '202': {description: later}"));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(body(answer)).isEqualTo(JSON.readTree("{\"id\":\"R-1\",\"total\":9.9}"));
    }

    @Test
    void answersTheValueOfTheFirstNamedExampleFollowingItsReference() throws IOException {
        MockAnswer answer = answer(receipts("x-flow-action: mock", "responses:",
                "  '200': {description: ok, content: {application/json: {schema: " + RECEIPT + ", examples: {",
                "    first: {$ref: '#/components/examples/paid'},",
                "    second: {value: {id: R-2, total: 1}}}}}}"));

        assertThat(body(answer)).isEqualTo(JSON.readTree("{\"id\":\"R-7\",\"total\":12.5}"));
    }

    @Test
    void fallsBackToTheExampleOfTheResponseSchema() throws IOException {
        MockAnswer answer = answer(receipts("x-flow-action: mock", "responses:",
                "  '200': {description: ok, content: {application/json: {schema: "
                        + RECEIPT.replace("{type: object,", "{type: object, example: {id: R-3, total: 3},") + "}}}"));

        assertThat(body(answer)).isEqualTo(JSON.readTree("{\"id\":\"R-3\",\"total\":3}"));
    }

    @Test
    void answersOnlyTheStatusWhenTheResponseDeclaresNoContent() {
        MockAnswer answer = answer(receipts("x-flow-action: mock", "responses: {'204': {description: done}}"));

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.hasBody()).isFalse();
        assertThat(answer.contentType()).isNull();
    }

    @Test
    void answersTheStatusNamedByXFlowResponse() throws IOException {
        MockAnswer answer = answer(receipts("x-flow-action: mock", "x-flow-response: {status: 202}", "responses:",
                "  '201': {description: made, content: {application/json: {example: {id: R-1}}}}",
                "  '202': {description: queued, content: {application/json: {example: {queued: true}}}}"));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(body(answer)).isEqualTo(JSON.readTree("{\"queued\":true}"));
    }

    @Test
    void isRoutedButUsesNoFlow() {
        DefaultContractRegistry live = Fixtures.registry();
        PublishReport report = live.publish(receipts("x-flow-action: mock",
                "responses: {'204': {description: done}}"), null);

        assertThat(report.findings()).isEmpty();
        assertThat(live.match("POST", "/receipts")).get()
                .satisfies(match -> assertThat(match.route().operation().binding()).isPresent());
        assertThat(live.operationsUsing("receipts")).isEmpty();
    }

    @Test
    void refusesAResponseWithASchemaButNoExample() {
        String reason = onlyFinding(receipts("x-flow-action: mock", "responses:",
                "  '201': {description: made, content: {application/json: {schema: " + RECEIPT + "}}}"));

        assertThat(reason).startsWith("x-flow-action: mock: response 201 has no example to answer with");
    }

    @Test
    void refusesAMockThatAlsoNamesAFlow() {
        String reason = onlyFinding(receipts("x-flow-action: mock", "x-flow-id: receipts", "responses:",
                "  '201': {description: made, content: {application/json: {example: {id: R-1}}}}"));

        assertThat(reason).isEqualTo("x-flow-id: a mock runs no flow; remove x-flow-id, or choose another "
                + "x-flow-action");
    }

    @Test
    void refusesAnExampleThatBreaksTheResponseSchemaNamingTheField() {
        String reason = onlyFinding(receipts("x-flow-action: mock", "responses:",
                "  '201': {description: made, content: {application/json: {schema: " + RECEIPT + ", "
                        + "example: {id: R-1, total: twelve}}}}"));

        assertThat(reason).startsWith("x-flow-action: mock: the example of response 201 does not match its schema "
                + "at /total: ");
    }

    @Test
    void refusesANamedExampleWithoutAValue() {
        String reason = onlyFinding(receipts("x-flow-action: mock", "responses:",
                "  '200': {description: ok, content: {application/json: {examples: {",
                "    remote: {externalValue: 'https://example.com/receipt.json'}}}}}"));

        assertThat(reason).isEqualTo("x-flow-action: mock: response 200 example 'remote' has no value to answer "
                + "with (externalValue is never fetched)");
    }

    @Test
    void refusesExtensionsThatOnlyConfigureAFlow() {
        String reason = onlyFinding(receipts("x-flow-action: mock", "x-flow-mode: async",
                "x-flow-variables: {a: '{body.a}'}", "responses: {'204': {description: done}}"));

        assertThat(reason).isEqualTo("x-flow-mode, x-flow-variables: no effect with x-flow-action: mock, which "
                + "runs no flow");
    }

    @Test
    void refusesABodyTemplateBecauseAMockHasNoVariables() {
        String reason = onlyFinding(receipts("x-flow-action: mock", "x-flow-response: {body: {id: '{vars.id}'}}",
                "responses: {'201': {description: made, content: {application/json: {example: {id: R-1}}}}}"));

        assertThat(reason).startsWith("x-flow-response.body: a mock answers the response's example");
    }

    @Test
    void refusesAResponseWithoutJsonContent() {
        String reason = onlyFinding(receipts("x-flow-action: mock", "responses:",
                "  '200': {description: ok, content: {text/plain: {example: paid}}}"));

        assertThat(reason).isEqualTo("x-flow-action: mock: response 200 declares no JSON content (only text/plain); "
                + "a mock answers JSON");
    }
}
