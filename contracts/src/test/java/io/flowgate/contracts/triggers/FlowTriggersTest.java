package io.flowgate.contracts.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.contracts.BindingCheck;
import io.flowgate.contracts.Contract;
import io.flowgate.contracts.ContractFinding;
import io.flowgate.contracts.ContractRejected;
import io.flowgate.contracts.FlowAction;
import io.flowgate.contracts.Fixtures;
import io.flowgate.contracts.PublishReport;
import io.flowgate.contracts.TenantSource;
import io.flowgate.contracts.internal.DefaultContractRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FlowTriggersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STOCK = Fixtures.read("triggers/stock-events.yaml");

    /** A contract with one route and the given x-flow-triggers (YAML flow style, one entry per argument). */
    private static String withTriggers(String... entries) {
        StringBuilder yaml = new StringBuilder("openapi: 3.0.3\ninfo: { title: Events, version: '1' }\n");
        if (entries.length > 0) {
            yaml.append("x-flow-triggers:\n");
            for (String entry : entries) {
                yaml.append("  - ").append(entry).append('\n');
            }
        }
        return yaml.append("paths:\n  /things:\n    post:\n      x-flow-id: things\n")
                .append("      responses: { '201': { description: ok } }\n").toString();
    }

    private static TriggerEvent event(String value, String key, Map<String, String> headers) throws Exception {
        return new TriggerEvent("msg-1", "stock.external", 2, 41L, Instant.parse("2026-01-02T03:04:05Z"), key,
                JSON.readTree(value), headers);
    }

    @Test
    void readsTriggersWithTheirDefaults() {
        Contract contract = Fixtures.registry().check(STOCK, null).contract();

        assertThat(contract.triggers()).hasSize(2);
        FlowTrigger start = contract.triggers().get(0);
        assertThat(start.kafka()).isEqualTo(new KafkaSource("stock.external", "flowgate"));
        assertThat(start.flowId()).isEqualTo("restock-review");
        assertThat(start.action()).isEqualTo(FlowAction.START);
        assertThat(start.message()).isNull();
        assertThat(start.businessKey()).get().extracting(t -> t.source()).isEqualTo("{value.sku}");
        FlowTrigger correlate = contract.triggers().get(1);
        assertThat(correlate.kafka()).isEqualTo(new KafkaSource("stock.deliveries", KafkaSource.DEFAULT_GROUP));
        assertThat(correlate.action()).isEqualTo(FlowAction.CORRELATE);
        assertThat(correlate.message()).isEqualTo("deliveryArrived");
        assertThat(correlate.location()).isEqualTo("x-flow-triggers[1]");
    }

    @Test
    void mapsTheValueKeyHeadersAndEventIntoVariablesAndTheBusinessKey() throws Exception {
        FlowTrigger trigger = Fixtures.registry().check(STOCK, null).contract().triggers().get(0);

        MappedEvent mapped = trigger.map(event("{\"sku\":\"fries\",\"qty\":3,\"where\":{\"store\":\"downtown\"}}",
                "downtown", Map.of("x-source", "erp")));

        assertThat(mapped.businessKey()).isEqualTo("fries");
        assertThat(mapped.variables()).containsExactlyInAnyOrderEntriesOf(Map.of("sku", "fries", "quantity", 3,
                "store", "downtown", "source", "erp", "partitionKey", "downtown", "eventId", "msg-1",
                "note", "stock of fries at 3", "fixed", 42));
    }

    @Test
    void leavesVariablesUnsetWhenTheRecordLacksThem() throws Exception {
        FlowTrigger trigger = Fixtures.registry().check(STOCK, null).contract().triggers().get(0);

        MappedEvent mapped = trigger.map(event("{\"sku\":\"soda\"}", null, Map.of()));

        assertThat(mapped.variables()).containsOnlyKeys("sku", "eventId", "fixed");
    }

    @Test
    void takesEveryTopLevelPropertyWhenNoVariablesAreDeclared() throws Exception {
        FlowTrigger trigger = Fixtures.registry().check(STOCK, null).contract().triggers().get(1);

        MappedEvent mapped = trigger.map(event("{\"sku\":\"fries\",\"lines\":[{\"qty\":2}]}", null, Map.of()));

        assertThat(mapped.businessKey()).isEqualTo("fries");
        assertThat(mapped.variables()).containsExactlyInAnyOrderEntriesOf(Map.of("sku", "fries",
                "lines", List.of(Map.of("qty", 2))));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"qty\":3}                | found nothing in the record",
            "{\"sku\":null}             | found nothing in the record",
            "{\"sku\":{\"id\":1}}       | found an object, not text",
            "{\"sku\":\"\"}             | must be 1 to 255 characters"})
    void refusesARecordWhoseBusinessKeyCannotBeMapped(String value, String reason) throws Exception {
        FlowTrigger trigger = Fixtures.registry().check(STOCK, null).contract().triggers().get(0);
        JsonNode json = JSON.readTree(value);

        assertThatThrownBy(() -> trigger.map(new TriggerEvent("m", "t", 0, 0, null, null, json, Map.of())))
                .isInstanceOf(EventMappingFailed.class)
                .hasMessageContaining("x-flow-triggers[0].business-key '{value.sku}'").hasMessageContaining(reason);
    }

    @Test
    void refusesANonObjectValueWhenVariablesAreTakenByDefault() throws Exception {
        FlowTrigger trigger = Fixtures.registry().check(withTriggers("{kafka: {topic: t}, flow: f}"), null)
                .contract().triggers().get(0);

        assertThatThrownBy(() -> trigger.map(event("[1,2]", null, Map.of())))
                .isInstanceOf(EventMappingFailed.class).hasMessageContaining("is not a JSON object");
    }

    @Test
    void readsWhereEachTriggersTenantComesFrom() {
        Contract contract = Fixtures.registry().check(withTriggers(
                "{kafka: {topic: a}, flow: f}",
                "{kafka: {topic: b}, flow: f, tenant: {fixed: bistro}}",
                "{kafka: {topic: c}, flow: f, action: correlate, message: m, business-key: '{value.id}', "
                        + "tenant: instance}"), null).contract();

        assertThat(contract.triggers()).extracting(FlowTrigger::tenant).containsExactly(TenantSource.NONE,
                TenantSource.fixed("bistro"), TenantSource.INSTANCE);
    }

    /** Rows of {@code triggers/malformed-triggers.csv}: a malformed entry and the start of its finding. */
    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/io/flowgate/contracts/triggers/malformed-triggers.csv", delimiter = '|')
    void refusesMalformedTriggersNamingTheExtension(String entry, String reason) {
        PublishReport report = Fixtures.registry().check(withTriggers(entry), null);

        assertThat(report.findings()).extracting(ContractFinding::reason).anySatisfy(r -> assertThat(r)
                .startsWith(reason.substring(0, reason.indexOf(':'))).contains(reason));
        assertThat(report.findings()).allSatisfy(f -> {
            assertThat(f.method()).isNull();
            assertThat(f.path()).isEqualTo("x-flow-triggers[0]");
        });
    }

    @Test
    void refusesTriggersThatAreNotAList() {
        String source = withTriggers().replace("paths:", "x-flow-triggers: {topic: t}\npaths:");

        assertThat(Fixtures.registry().check(source, null).findings()).singleElement()
                .satisfies(f -> assertThat(f.reason()).startsWith("x-flow-triggers: must be a list"));
    }

    @Test
    void refusesTriggersDeclaredUnderInfo() {
        String source = withTriggers().replace("version: '1' }", "version: '1', x-flow-triggers: [] }");

        assertThat(Fixtures.registry().check(source, null).findings()).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("declare it at the document root"));
    }

    @Test
    void refusesTwoTriggersOnTheSameTopicAndGroup() {
        PublishReport report = Fixtures.registry().check(withTriggers("{kafka: {topic: t}, flow: a}",
                "{kafka: {topic: t, group: flowgate}, flow: b}", "{kafka: {topic: t, group: audit}, flow: c}"), null);

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("x-flow-triggers[1]");
            assertThat(f.reason()).contains("topic 't' in group 'flowgate' is already read by x-flow-triggers[0]");
        });
    }

    @Test
    void refusesATopicAndGroupAnotherLiveContractReads() {
        DefaultContractRegistry registry = Fixtures.registry();
        registry.publish(STOCK, null);
        String other = withTriggers("{kafka: {topic: stock.external}, flow: audit}")
                .replace("/things", "/other-things");

        ContractRejected rejected = catchThrowableOfType(ContractRejected.class,
                () -> registry.publish(other, null));

        assertThat(rejected.findings()).singleElement().satisfies(f -> assertThat(f.reason())
                .contains("already read by contract 'stock-events' x-flow-triggers[0]"));
        assertThat(registry.publish(other.replace("stock.external}", "stock.external, group: audit}"), null)
                .created()).isTrue();
    }

    @Test
    void theRegistryListsTheTriggersOfLiveContractsAndMovesItsGenerationWithThem() {
        DefaultContractRegistry registry = Fixtures.registry();
        long before = registry.generation();

        registry.publish(STOCK, null);

        assertThat(registry.generation()).isGreaterThan(before);
        assertThat(registry.triggers()).extracting(t -> t.trigger().kafka().topic())
                .containsExactly("stock.external", "stock.deliveries");
        assertThat(registry.triggers()).allSatisfy(t -> {
            assertThat(t.contractVersion()).isEqualTo(1);
            assertThat(t.unavailableReason()).isEmpty();
        });
        registry.delete("stock-events");
        assertThat(registry.triggers()).isEmpty();
    }

    @Test
    void aFailingCheckOnATriggerStopsThatTriggerOnlyNeverTheRoutes() {
        AtomicBoolean flowGone = new AtomicBoolean();
        BindingCheck triggerFlows = contract -> flowGone.get() ? contract.triggers().stream()
                .filter(t -> t.action() == FlowAction.CORRELATE)
                .map(t -> ContractFinding.ofTrigger(contract.name(), t.location(), t.location() + ": gone")).toList()
                : List.of();
        DefaultContractRegistry registry = Fixtures.registry(triggerFlows);
        registry.publish(STOCK, null);

        flowGone.set(true);
        registry.recheck();

        assertThat(registry.match("POST", "/stock-reviews")).get()
                .satisfies(m -> assertThat(m.route().unavailableReason()).isEmpty());
        assertThat(registry.triggers()).extracting(t -> t.unavailableReason().orElse("available"))
                .containsExactly("available", "x-flow-triggers[1]: gone");
    }
}
