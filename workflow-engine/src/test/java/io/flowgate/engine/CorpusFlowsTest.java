package io.flowgate.engine;

import io.flowgate.engine.config.CamundaEngineBuilder;
import io.flowgate.engine.config.EngineSettings;
import io.flowgate.engine.deploy.FlowChecker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The real-world BPMN corpus in {@code shared/corpus/bpmn} (see its README) against the deploy checks. The corpus is
 * found through the system property {@code flowgate.corpus} or by walking up from the module directory to a
 * {@code shared/corpus} beside one of its ancestors (in CI: {@code <repo>/../shared/corpus}).
 */
class CorpusFlowsTest {

    private static Path corpus;
    private static CamundaEngineBuilder.EmbeddedEngine embedded;
    private static WorkflowEngine engine;

    @BeforeAll
    static void startEngine() {
        corpus = locateCorpus().resolve("bpmn");
        // own engine without job executor: two corpus flows have timer start events firing every five seconds,
        // which the default timer floor (a minute) refuses — a node that wants them lowers it to five seconds
        embedded = TestEngines.build(TestEngines.memoryPool(4), EngineSettings.defaults()
                .withName("corpus-" + UUID.randomUUID()).withJobExecutorEnabled(false)
                .withTimerFloor(Duration.ofSeconds(5)));
        engine = embedded.workflowEngine();
    }

    @AfterAll
    static void stopEngine() {
        embedded.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "camunda-examples_usertask_task-camunda-forms_invoiceApproval.bpmn",
            "camunda-examples_usertask_task-form-embedded_loanApproval.bpmn",
            "camunda-examples_startevent_message-start_message_start_process.bpmn",
            "camunda-examples_clients_java_order-handling_order-handling.bpmn"})
    void deploysTheAcceptedFlows(String file) {
        FlowDeployment deployment = engine.deploy(file, read(file));

        assertThat(deployment.flows()).isNotEmpty();
    }

    /**
     * The corpus README lists this file as accepted. Its "Check credit score" task carries an input parameter that
     * is a JavaScript {@code camunda:script}: accepted with a warning, and inert — Flowgate has no script engine, so
     * reaching the task fails it instead of running the script.
     */
    @Test
    void acceptsTheLoanGrantingFlowWarningThatItsMappingScriptNeverRuns() {
        String file = "camunda-examples_spring-boot-starter_external-task-client_loan-granting-spring-boot-webapp_bpmn_loan-granting.bpmn";

        FlowDeployment deployment = engine.deploy(file, read(file));

        assertThat(deployment.flows()).extracting(FlowSummary::key).containsExactly("loan_process");
        assertThat(deployment.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.elementId()).isEqualTo("Task_1lvjtd4");
            assertThat(warning.reason()).contains("camunda:script").contains("will not run");
        });
        FlowFailed failure = catchThrowableOfType(FlowFailed.class, () -> engine.start(
                new StartRequest("loan_process", null, java.util.Map.of(), null, null), java.time.Duration.ofSeconds(5)));
        assertThat(failure).as("the script must not run").isNotNull();
        assertThat(engine.instances(new InstanceQuery("loan_process", null, null, null, 0, 10)).total()).isZero();
    }

    /** Both start an instance every five seconds, more often than the default timer floor of a minute allows. */
    @ParameterizedTest
    @ValueSource(strings = {
            "camunda-examples_clients_java_order-handling_order-handling.bpmn",
            "camunda-examples_spring-boot-starter_external-task-client_loan-granting-spring-boot-webapp_bpmn_loan-granting.bpmn"})
    void refusesTheTimerStartEventsFiringEveryFiveSecondsUnderTheDefaultFloor(String file) {
        FlowChecker defaults = new FlowChecker(TestConnectors.registry().ids());

        FlowRejected rejected = catchThrowableOfType(FlowRejected.class, () -> defaults.checkOrReject(file, read(file)));

        assertThat(rejected).as("%s must be refused under the default floor", file).isNotNull();
        assertThat(rejected.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.elementId()).isEqualTo("StartEvent_1");
            assertThat(finding.reason()).contains("'0/5 0/1 * 1/1 * ?' fires every 5 s", "at least 1 min");
        });
    }

    @Test
    void namesEachServiceTaskWhoseJavaClassIsNotAConnector() {
        List<FlowFinding> findings = rejected("camunda-examples_process-engine-plugin_failed-job-retry-profile_retry-example.bpmn");

        assertThat(findings).extracting(FlowFinding::elementId).containsExactly("service-fetch-data",
                "service-fetch-address", "service-send-data", "service-add-address");
        assertThat(findings).allSatisfy(finding -> assertThat(finding.reason())
                .containsPattern("camunda:class 'org\\.camunda\\.bpm\\.example\\.delegate\\.ServiceTask(One|Two)Delegate' "
                        + "is not a registered connector"));
    }

    @Test
    void refusesTheScriptTask() {
        List<FlowFinding> findings = rejected("camunda-examples_scripttask_xslt-scripttask_xslt-example.bpmn");

        assertThat(findings).anySatisfy(finding -> {
            assertThat(finding.elementId()).isEqualTo("ScriptTask_1");
            assertThat(finding.reason()).contains("script tasks are not allowed");
        });
        assertThat(findings).extracting(FlowFinding::elementId).contains("StartEvent_1", "EndEvent_1");
    }

    @Test
    void refusesTheExpressionThatCallsABean() {
        List<FlowFinding> findings = rejected(
                "camunda-examples_multi-tenancy_tenant-identifier-shared-definitions_processes_default_mainProcess.bpmn");

        assertThat(findings).anySatisfy(finding -> {
            assertThat(finding.elementId()).isEqualTo("CallActivity_0ahffuc");
            assertThat(finding.reason()).contains("${ calledElementTenantIdProvider.resolveTenantId(execution) }")
                    .contains("calls a method ('resolveTenantId' on 'calledElementTenantIdProvider')");
        });
    }

    @Test
    void refusesTheUnregisteredHttpConnector() {
        List<FlowFinding> findings = rejected("camunda-examples_servicetask_rest-service_invokeRestService.bpmn");

        assertThat(findings).anySatisfy(finding -> {
            assertThat(finding.elementId()).isEqualTo("ServiceTask_1");
            assertThat(finding.reason()).contains("'http-connector' is not registered")
                    .contains("use http.request");
        });
    }

    private static List<FlowFinding> rejected(String file) {
        FlowRejected rejected = catchThrowableOfType(FlowRejected.class, () -> engine.deploy(file, read(file)));
        assertThat(rejected).as("deploying %s must be refused", file).isNotNull();
        assertThat(rejected.findings()).allSatisfy(finding -> assertThat(finding.file()).isEqualTo(file));
        return rejected.findings();
    }

    private static byte[] read(String file) {
        try {
            return Files.readAllBytes(corpus.resolve(file));
        } catch (IOException e) {
            throw new AssertionError("cannot read corpus file " + file, e);
        }
    }

    private static Path locateCorpus() {
        String configured = System.getProperty("flowgate.corpus");
        if (configured != null) {
            return Paths.get(configured);
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve("shared/corpus"), dir.resolveSibling("shared/corpus"))) {
                if (Files.isDirectory(candidate.resolve("bpmn"))) {
                    return candidate;
                }
            }
        }
        throw new AssertionError("shared/corpus not found above " + Paths.get("").toAbsolutePath()
                + "; set -Dflowgate.corpus=<path>");
    }
}
