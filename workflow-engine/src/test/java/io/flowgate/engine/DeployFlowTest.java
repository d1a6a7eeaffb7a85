package io.flowgate.engine;

import io.flowgate.engine.internal.CamundaWorkflowEngine;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeployFlowTest {

    private final CamundaWorkflowEngine engine = TestEngines.shared();

    @Test
    void deploysNewVersionsAndSkipsIdenticalContent() {
        String key = "deploy-" + TestEngines.uniqueKey();
        FlowDeployment first = engine.deploy(key + ".bpmn", flow(key, "First"));
        FlowDeployment again = engine.deploy(key + ".bpmn", flow(key, "First"));
        FlowDeployment changed = engine.deploy(key + ".bpmn", flow(key, "Second"));

        assertThat(first.created()).isTrue();
        assertThat(first.flows()).singleElement().satisfies(flow -> {
            assertThat(flow.key()).isEqualTo(key);
            assertThat(flow.version()).isEqualTo(1);
            assertThat(flow.deployedAt()).isNotNull();
        });
        assertThat(again.created()).isFalse();
        assertThat(again.deploymentId()).isEqualTo(first.deploymentId());
        assertThat(again.flows()).extracting(FlowSummary::version).containsExactly(1);
        assertThat(changed.created()).isTrue();
        assertThat(changed.flows()).extracting(FlowSummary::version).containsExactly(2);
        assertThat(engine.flows()).filteredOn(flow -> flow.key().equals(key)).extracting(FlowSummary::version)
                .containsExactly(2, 1);
        assertThat(engine.xml(key, 1)).get().asString().contains("name=\"First\"");
        assertThat(engine.xml(key, null)).get().asString().contains("name=\"Second\"");
    }

    @Test
    void inspectsWithoutDeployingAndReadsTheLatestModel() {
        String key = "inspect-" + TestEngines.uniqueKey();
        byte[] bpmn = TestEngines.fixture("CorrelateAndCompleteTest.payment.bpmn");
        String xml = new String(bpmn, StandardCharsets.UTF_8).replace("id=\"payment\"", "id=\"" + key + "\"");

        assertThat(engine.inspect("p.bpmn", xml.getBytes(StandardCharsets.UTF_8)).models()).singleElement()
                .satisfies(model -> {
                    assertThat(model.key()).isEqualTo(key);
                    assertThat(model.version()).isZero();
                    assertThat(model.messages()).containsExactly("paymentReceived");
                    assertThat(model.userTasks()).containsEntry("ship", "Ship");
                });
        assertThat(engine.latest(key)).isEmpty();

        engine.deploy("p.bpmn", xml.getBytes(StandardCharsets.UTF_8));
        assertThat(engine.latest(key)).get().satisfies(model -> assertThat(model.version()).isEqualTo(1));
        assertThat(engine.latest("straight-model-" + TestEngines.uniqueKey())).isEmpty();
    }

    @Test
    void inspectListsTheConnectorsAFlowUses() {
        assertThat(engine.inspect("s.bpmn", TestEngines.fixture("StartFlowTest.straight.bpmn")).models()).singleElement()
                .satisfies(model -> assertThat(model.connectors()).containsExactly("vars.set"));
    }

    @Test
    void reportsTheEnginesOwnParseErrorsAsFindings() {
        String key = "broken-" + TestEngines.uniqueKey();
        String xml = new String(flow(key, "Broken"), StandardCharsets.UTF_8)
                .replace("targetRef=\"end\"", "targetRef=\"nowhere\"");

        assertThatThrownBy(() -> engine.deploy(key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(FlowRejected.class, rejected -> assertThat(rejected.findings())
                        .anySatisfy(finding -> assertThat(finding.reason()).contains("nowhere")));
        assertThat(engine.flows()).noneMatch(flow -> flow.key().equals(key));
    }

    @Test
    void deploysBpmnWithoutHistoryTimeToLive() {
        String key = "nottl-" + TestEngines.uniqueKey();

        assertThat(engine.deploy(key + ".xml", flow(key, "No TTL")).flows()).hasSize(1);
    }

    private static byte[] flow(String key, String name) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
                  <bpmn:process id="%s" name="%s" isExecutable="true">
                    <bpmn:startEvent id="start" />
                    <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="end" />
                    <bpmn:endEvent id="end" />
                  </bpmn:process>
                </bpmn:definitions>
                """).formatted(key, name).getBytes(StandardCharsets.UTF_8);
    }
}
