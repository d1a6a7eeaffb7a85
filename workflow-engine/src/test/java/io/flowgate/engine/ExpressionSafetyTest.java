package io.flowgate.engine;

import io.flowgate.engine.internal.CamundaWorkflowEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The second wall: flows deployed straight through Camunda's API (bypassing the deploy checks) still cannot reach
 * engine objects or Java code.
 */
class ExpressionSafetyTest {

    private static final Duration BUDGET = Duration.ofSeconds(10);
    private final CamundaWorkflowEngine engine = TestEngines.shared();

    @Test
    void anExpressionCannotReachTheEngineEvenIfItWasDeployed() {
        String key = deployUnchecked(Bpmn.createExecutableProcess("unchecked-" + TestEngines.uniqueKey())
                .startEvent().userTask("task").camundaAssignee("${execution.processEngineServices}")
                .endEvent().done());

        assertThatThrownBy(() -> engine.start(new StartRequest(key, null, Map.of(), null, null), BUDGET))
                .isInstanceOf(FlowFailed.class).hasMessageContaining("execution");
    }

    @Test
    void anExpressionCannotCallMethodsOnVariables() {
        String key = deployUnchecked(Bpmn.createExecutableProcess("method-" + TestEngines.uniqueKey())
                .startEvent().userTask("task").camundaAssignee("${name.getClass().getName()}")
                .endEvent().done());

        assertThatThrownBy(() -> engine.start(new StartRequest(key, null, Map.of("name", "x"), null, null),
                BUDGET)).isInstanceOf(FlowFailed.class);
    }

    @Test
    void aServiceTaskExpressionCannotRunAJavaMethod() {
        String key = deployUnchecked(Bpmn.createExecutableProcess("expr-" + TestEngines.uniqueKey())
                .startEvent().serviceTask("task").camundaExpression("${execution.getProcessEngineServices()}")
                .endEvent().done());

        assertThatThrownBy(() -> engine.start(new StartRequest(key, null, Map.of(), null, null), BUDGET))
                .isInstanceOf(FlowFailed.class);
    }

    @Test
    void variablesStillWorkInExpressions() {
        String key = deployUnchecked(Bpmn.createExecutableProcess("vars-" + TestEngines.uniqueKey())
                .startEvent().userTask("task").camundaAssignee("${order.owner}").endEvent().done());

        FlowInstance instance = engine.start(new StartRequest(key, null, Map.of("order", Map.of("owner", "bob")),
                null, null), BUDGET);

        assertThat(engine.tasks(new TaskQuery(null, "bob", null, instance.id(), 5))).hasSize(1);
    }

    @Test
    void theEngineRefusesScriptTasksEvenWithoutTheDeployChecks() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("script-" + TestEngines.uniqueKey()).startEvent()
                .scriptTask("script").scriptFormat("javascript").scriptText("1 + 1").endEvent().done();

        assertThatThrownBy(() -> deployUnchecked(model)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("script tasks are not allowed");
    }

    private String deployUnchecked(BpmnModelInstance model) {
        String key = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator()
                .next().getId();
        engine.processEngine().getRepositoryService().createDeployment()
                .addModelInstance(key + ".bpmn", model).deploy();
        return key;
    }
}
