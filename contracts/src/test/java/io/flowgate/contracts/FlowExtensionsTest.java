package io.flowgate.contracts;

import io.flowgate.contracts.internal.DefaultContractRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class FlowExtensionsTest {

    private static DefaultContractRegistry registry;

    @BeforeAll
    static void setUp() {
        registry = Fixtures.registry();
    }

    /** One operation {@code POST /things/{id}} with the given extension lines (YAML, one per line). */
    private static String operation(String flowId, String... extensions) {
        StringBuilder yaml = new StringBuilder("  /things/{id}:\n    post:\n      operationId: doIt\n");
        if (flowId != null) {
            yaml.append("      x-flow-id: ").append(flowId).append('\n');
        }
        for (String line : extensions) {
            yaml.append("      ").append(line).append('\n');
        }
        yaml.append("      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]\n")
                .append("      responses: { '200': { description: ok } }\n");
        return Fixtures.document("Extensions", yaml.toString());
    }

    private static Operation published(String flowId, String... extensions) {
        PublishReport report = registry.check(operation(flowId, extensions), null);
        assertThat(report.findings()).isEmpty();
        return report.contract().operations().get(0);
    }

    @Test
    void readsEveryExtensionOfAnOperation() {
        Contract orders = registry.check(Fixtures.read("orders.yaml"), null).contract();
        Map<String, FlowBinding> bindings = new java.util.HashMap<>();
        orders.operations().forEach(op -> op.binding().ifPresent(b -> bindings.put(op.operationId(), b)));

        FlowBinding place = bindings.get("placeOrder");
        assertThat(place.flowId()).isEqualTo("order-process");
        assertThat(place.action()).isEqualTo(FlowAction.START);
        assertThat(place.mode()).isEqualTo(FlowMode.SYNC);
        assertThat(place.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(place.businessKey()).get().extracting(t -> t.source()).isEqualTo("{body.orderId}");
        assertThat(place.errors()).containsExactlyInAnyOrderEntriesOf(Map.of("OUT_OF_STOCK", 409, "PAYMENT_DECLINED", 402));
        assertThat(place.instance()).isEmpty();

        FlowBinding cancel = bindings.get("cancelOrder");
        assertThat(cancel.action()).isEqualTo(FlowAction.CORRELATE);
        assertThat(cancel.message()).isEqualTo("CancelRequested");
        assertThat(cancel.mode()).isEqualTo(FlowMode.ASYNC);
        assertThat(cancel.timeout()).isEqualTo(FlowBinding.DEFAULT_TIMEOUT);

        FlowBinding approve = bindings.get("approveOrder");
        assertThat(approve.action()).isEqualTo(FlowAction.COMPLETE_TASK);
        assertThat(approve.taskKey()).isEqualTo("approve");

        FlowBinding status = bindings.get("orderStatus");
        assertThat(status.action()).isEqualTo(FlowAction.STATUS);
        assertThat(status.instance()).get().extracting(t -> t.source()).isEqualTo("{path.id}");
    }

    @Test
    void anOperationWithoutFlowIdIsUnrouted() {
        PublishReport report = registry.check(operation(null), null);
        assertThat(report.findings()).isEmpty();
        assertThat(report.unrouted()).hasSize(1);
        assertThat(report.unrouted().get(0).binding()).isEmpty();
    }

    @Test
    void parsesTimeoutsInMillisecondsSecondsAndMinutes() {
        assertThat(published("f", "x-flow-timeout: 500ms").binding().orElseThrow().timeout())
                .isEqualTo(Duration.ofMillis(500));
        assertThat(published("f", "x-flow-timeout: 1m").binding().orElseThrow().timeout())
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aCorrelationMayKeepEarlyMessagesForAWhile() {
        Operation op = published("f", "x-flow-action: correlate", "x-flow-message: Paid",
                "x-flow-business-key: '{path.id}'", "x-flow-buffer: 2h");

        assertThat(op.binding().orElseThrow().buffer()).isEqualTo(Duration.ofHours(2));
        assertThat(published("f").binding().orElseThrow().buffer()).isZero();
    }

    @Test
    void aStartMayDeclareItsBusinessKeyUniqueWhichItIsNotByDefault() {
        Operation unique = published("f", "x-flow-business-key: '{path.id}'", "x-flow-business-key-unique: true");
        Operation shared = published("f", "x-flow-business-key: '{path.id}'");

        assertThat(unique.binding().orElseThrow().uniqueBusinessKey()).isTrue();
        assertThat(shared.binding().orElseThrow().uniqueBusinessKey()).isFalse();
    }

    @Test
    void theRequestsOwnIdIsATemplateSource() {
        Operation op = published("f", "x-flow-business-key: '{request.id}'",
                "x-flow-variables: { orderId: '{request.id}' }");

        assertThat(op.binding().orElseThrow().businessKey()).get().extracting(t -> t.source())
                .isEqualTo("{request.id}");
    }

    @Test
    void statusCanNameTheInstanceWithAnyRequestValue() {
        Operation op = published("f", "x-flow-action: status", "x-flow-instance: '{query.instance}'");
        assertThat(op.binding().orElseThrow().instance()).get().extracting(t -> t.source())
                .isEqualTo("{query.instance}");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("''", new String[0], "x-flow-id: must be a non-empty string"),
                arguments("42", new String[0], "x-flow-id: must be a non-empty string"),
                arguments("f", new String[]{"x-flow-action: stop"},
                        "x-flow-action: 'stop' is not one of start, correlate, complete-task, status"),
                arguments("f", new String[]{"x-flow-action: correlate", "x-flow-business-key: '{path.id}'"},
                        "x-flow-message: required when x-flow-action is correlate"),
                arguments("f", new String[]{"x-flow-action: correlate", "x-flow-message: M"},
                        "x-flow-business-key: required when x-flow-action is correlate"),
                arguments("f", new String[]{"x-flow-action: complete-task", "x-flow-business-key: '{path.id}'"},
                        "x-flow-task: required when x-flow-action is complete-task"),
                arguments("f", new String[]{"x-flow-instance: '{path.id}'"},
                        "x-flow-instance: only applies to x-flow-action: status"),
                arguments("f", new String[]{"x-flow-mode: later"}, "x-flow-mode: 'later' is not one of sync, async"),
                arguments("f", new String[]{"x-flow-timeout: 10x"},
                        "x-flow-timeout: '10x' is not a duration such as 500ms, 2s or 1m"),
                arguments("f", new String[]{"x-flow-timeout: 2m"}, "x-flow-timeout: '2m' must be more than 0"),
                arguments("f", new String[]{"x-flow-timeout: 0s"}, "x-flow-timeout: '0s' must be more than 0"),
                arguments("f", new String[]{"x-flow-buffer: 1h"},
                        "x-flow-buffer: only applies to x-flow-action: correlate"),
                arguments("f", new String[]{"x-flow-action: correlate", "x-flow-message: M",
                        "x-flow-business-key: '{path.id}'", "x-flow-buffer: 8d"},
                        "x-flow-buffer: '8d' must be a duration such as 30s, 10m or 1h, more than 0 and at most 7d"),
                arguments("f", new String[]{"x-flow-business-key: '{path.id}'", "x-flow-business-key-unique: 1"},
                        "x-flow-business-key-unique: must be true or false, not 1"),
                arguments("f", new String[]{"x-flow-business-key-unique: true"},
                        "x-flow-business-key-unique: only applies to x-flow-action: start with an x-flow-business-key"),
                arguments("f", new String[]{"x-flow-action: correlate", "x-flow-message: M",
                        "x-flow-business-key: '{path.id}'", "x-flow-business-key-unique: true"},
                        "x-flow-business-key-unique: only applies to x-flow-action: start with an x-flow-business-key"),
                arguments("f", new String[]{"x-flow-business-key: '{request.ip}'"},
                        "x-flow-business-key: '{request.ip}'"),
                arguments("f", new String[]{"x-flow-business-key: '{bodyy.id}'"},
                        "x-flow-business-key: unknown source '{bodyy.id}'"),
                arguments("f", new String[]{"x-flow-business-key: '{body.id'"},
                        "x-flow-business-key: '{body.id' has a '{' without its '}'"),
                arguments("f", new String[]{"x-flow-variables: [a, b]"}, "x-flow-variables: must be an object"),
                arguments("f", new String[]{"x-flow-variables: { x: '{cookie.a}' }"},
                        "x-flow-variables.x: unknown source '{cookie.a}'"),
                arguments("f", new String[]{"x-flow-variables: { x: { deep: '{nope}' } }"},
                        "x-flow-variables.x: unknown source '{nope}'"),
                arguments("f", new String[]{"x-flow-variables: { x: '{path.orderId}' }"},
                        "x-flow-variables.x: {path.orderId} is not a parameter of this path (has: id)"),
                arguments("f", new String[]{"x-flow-errors: oops"}, "x-flow-errors: must be an object"),
                arguments("f", new String[]{"x-flow-errors: { E1: 200 }"},
                        "x-flow-errors.E1: status must be a number from 400 to 599"),
                arguments("f", new String[]{"x-flow-errors: { E1: { status: '409' } }"},
                        "x-flow-errors.E1: status must be a number from 400 to 599"),
                arguments("f", new String[]{"x-flow-response: { status: 999 }"},
                        "x-flow-response: status must be an HTTP status number"),
                arguments("f", new String[]{"x-flow-response: { status: 201 }"},
                        "x-flow-response: status 201 is not declared in the operation's responses"),
                arguments("f", new String[]{"x-flow-response: { code: 1 }"}, "x-flow-response: unknown key 'code'"),
                arguments("f", new String[]{"x-flow-response: { body: '{instance.vars}' }"},
                        "x-flow-response.body: '{instance.vars}' in '{instance.vars}': instance has only"),
                arguments("f", new String[]{"x-flow-response: { body: '{body.x}' }"},
                        "x-flow-response.body: unknown source '{body.x}'"),
                arguments("f", new String[]{"x-flow-foo: 1"}, "unknown extension x-flow-foo"),
                arguments(null, new String[]{"x-flow-action: start"}, "x-flow-action: no effect without x-flow-id"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("malformed")
    void reportsAMalformedExtensionAsAFindingNamingTheOperation(String flowId, String[] lines, String reason) {
        PublishReport report = registry.check(operation(flowId, lines), null);

        assertThat(report.ok()).isFalse();
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.reason()).startsWith(reason);
            assertThat(f.method()).isEqualTo("POST");
            assertThat(f.path()).isEqualTo("/things/{id}");
            assertThat(f.operationId()).isEqualTo("doIt");
        });
    }

    @Test
    void statusWithoutAnIdParameterNeedsAnInstanceTemplate() {
        String doc = Fixtures.document("Status", "  /things:\n    get:\n      x-flow-id: f\n"
                + "      x-flow-action: status\n      responses: { '200': { description: ok } }\n");
        assertThat(registry.check(doc, null).findings()).singleElement()
                .satisfies(f -> assertThat(f.reason()).startsWith("x-flow-action: status reads the instance"));
    }
}
