package io.flowgate.engine.deploy;

import io.flowgate.engine.FlowFinding;
import io.flowgate.engine.FlowRejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class FlowCheckerTest {

    private final FlowChecker checker = new FlowChecker(List.of("vars.set", "test.echo"));

    @Test
    void acceptsConnectorsExternalTasksUserTasksAndVariableExpressions() {
        assertThat(findings("""
                <bpmn:serviceTask id="ok1">
                  <bpmn:extensionElements><camunda:connector><camunda:connectorId>test.echo</camunda:connectorId>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="a">${order.items[0].sku} ${order['total'] > 10 and not empty x}</camunda:inputParameter>
                      <camunda:inputParameter name="b">${now()} ${dateTime()}</camunda:inputParameter>
                    </camunda:inputOutput></camunda:connector></bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:serviceTask id="ok2" camunda:type="external" camunda:topic="t" />
                <bpmn:userTask id="ok3" camunda:assignee="${initiator}" camunda:candidateGroups="a,b" />
                <bpmn:documentation>${execution.processEngineServices} is only text here</bpmn:documentation>
                """)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            script task            | <bpmn:scriptTask id="el" scriptFormat="groovy"><bpmn:script>1</bpmn:script></bpmn:scriptTask> | script tasks are not allowed
            script listener        | <bpmn:task id="el"><bpmn:extensionElements><camunda:executionListener event="end"><camunda:script scriptFormat="groovy">1</camunda:script></camunda:executionListener></bpmn:extensionElements></bpmn:task> | execution listener (a script) is not allowed
            expression listener    | <bpmn:task id="el"><bpmn:extensionElements><camunda:executionListener event="end" expression="${a}" /></bpmn:extensionElements></bpmn:task> | execution listener (expression '${a}') is not allowed
            class task listener    | <bpmn:userTask id="el"><bpmn:extensionElements><camunda:taskListener event="create" class="org.x.L" /></bpmn:extensionElements></bpmn:userTask> | task listener (class 'org.x.L') is not allowed
            script condition       | <bpmn:sequenceFlow id="el" sourceRef="a" targetRef="b"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="groovy">true</bpmn:conditionExpression></bpmn:sequenceFlow> | script conditions are not allowed (language 'groovy')
            java class             | <bpmn:serviceTask id="el" camunda:class="org.x.Foo" /> | camunda:class 'org.x.Foo' is not a registered connector; bind a connector with camunda:connector (registered: test.echo, vars.set)
            delegate expression    | <bpmn:serviceTask id="el" camunda:delegateExpression="${myBean}" /> | camunda:delegateExpression '${myBean}' cannot run in Flowgate
            expression             | <bpmn:serviceTask id="el" camunda:expression="${a}" /> | camunda:expression '${a}' cannot run in Flowgate
            send task class        | <bpmn:sendTask id="el" camunda:class="org.x.Send" /> | camunda:class 'org.x.Send' is not a registered connector
            message throw class    | <bpmn:intermediateThrowEvent id="el"><bpmn:messageEventDefinition camunda:class="org.x.Throw" /></bpmn:intermediateThrowEvent> | camunda:class 'org.x.Throw' is not a registered connector
            decision               | <bpmn:businessRuleTask id="el" camunda:decisionRef="d" /> | camunda:decisionRef are not supported
            unknown connector      | <bpmn:serviceTask id="el"><bpmn:extensionElements><camunda:connector><camunda:connectorId>acme.crm</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask> | connector 'acme.crm' is not registered (registered: test.echo, vars.set)
            camunda http-connector | <bpmn:serviceTask id="el"><bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask> | connector 'http-connector' is not registered: Camunda's http-connector is not available in Flowgate; use http.request
            no implementation      | <bpmn:serviceTask id="el" /> | the serviceTask has no implementation
            mail task              | <bpmn:serviceTask id="el" camunda:type="mail" /> | camunda:type 'mail' is not supported
            bean method            | <bpmn:callActivity id="el" calledElement="sub" camunda:calledElementTenantId="${ provider.resolve(execution) }" /> | expression '${ provider.resolve(execution) }' calls a method ('resolve' on 'provider'); beans and method calls are not available, expressions may only read variables
            engine object          | <bpmn:userTask id="el" camunda:assignee="${execution.processEngineServices}" /> | reads 'execution', an engine object
            task object            | <bpmn:userTask id="el" camunda:assignee="${task.name}" /> | reads 'task'
            nested method          | <bpmn:userTask id="el" camunda:assignee="${order.customer.name.toUpperCase()}" /> | calls a method ('toUpperCase' on 'order.customer.name')
            function               | <bpmn:userTask id="el" camunda:assignee="${S(json).prop('a')}" /> | calls the function 'S'
            unparseable            | <bpmn:userTask id="el" camunda:assignee="${a +}" /> | cannot be parsed
            form default method    | <bpmn:userTask id="el"><bpmn:extensionElements><camunda:formData><camunda:formField id="amount" type="long" defaultValue="${order.total.longValue()}" /></camunda:formData></bpmn:extensionElements></bpmn:userTask> | form field 'amount', defaultValue: expression '${order.total.longValue()}' calls a method ('longValue' on 'order.total')
            form default engine    | <bpmn:userTask id="el"><bpmn:extensionElements><camunda:formData><camunda:formField id="amount" type="long" defaultValue="#{execution.processEngineServices}" /></camunda:formData></bpmn:extensionElements></bpmn:userTask> | form field 'amount', defaultValue: expression '#{execution.processEngineServices}' reads 'execution'
            form label function    | <bpmn:userTask id="el"><bpmn:extensionElements><camunda:formData><camunda:formField id="amount" type="long" label="${S(x)}" /></camunda:formData></bpmn:extensionElements></bpmn:userTask> | form field 'amount', label: expression '${S(x)}' calls the function 'S'
            form enum value        | <bpmn:userTask id="el"><bpmn:extensionElements><camunda:formData><camunda:formField id="reason" type="enum"><camunda:value id="a" name="${task.name}" /></camunda:formField></camunda:formData></bpmn:extensionElements></bpmn:userTask> | form field 'reason', name: expression '${task.name}' reads 'task'
            form unknown type      | <bpmn:userTask id="el"><bpmn:extensionElements><camunda:formData><camunda:formField id="amount" type="double" /></camunda:formData></bpmn:extensionElements></bpmn:userTask> | form field 'amount' has the type 'double'; the types are string, long, boolean, date, enum
            form without type      | <bpmn:userTask id="el"><bpmn:extensionElements><camunda:formData><camunda:formField id="amount" /></camunda:formData></bpmn:extensionElements></bpmn:userTask> | form field 'amount' needs a type: string, long, boolean, date, enum
            form without id        | <bpmn:userTask id="el"><bpmn:extensionElements><camunda:formData><camunda:formField type="string" /></camunda:formData></bpmn:extensionElements></bpmn:userTask> | camunda:formField needs an id
            form validator class   | <bpmn:userTask id="el"><bpmn:extensionElements><camunda:formData><camunda:formField id="amount" type="long"><camunda:validation><camunda:constraint name="validator" config="org.x.Check" /></camunda:validation></camunda:formField></camunda:formData></bpmn:extensionElements></bpmn:userTask> | camunda:constraint 'validator' (on form field 'amount', config 'org.x.Check') is not allowed
            form handler on task   | <bpmn:userTask id="el" camunda:formHandlerClass="org.x.Handler" /> | camunda:formHandlerClass 'org.x.Handler' is not allowed: Camunda would instantiate the Java class while deploying
            form handler on start  | <bpmn:startEvent id="el" camunda:formHandlerClass="org.x.Handler" /> | camunda:formHandlerClass 'org.x.Handler' is not allowed
            """)
    void refuses(String rule, String element, String reason) {
        List<FlowFinding> findings = findings(element);

        assertThat(findings).anySatisfy(finding -> {
            assertThat(finding.file()).isEqualTo("test.bpmn");
            assertThat(finding.elementId()).isEqualTo("el");
            assertThat(finding.reason()).contains(reason);
        });
    }

    @Test
    void acceptsAUserTaskFormWithVariableDefaultsEnumValuesAndBuiltInConstraints() {
        assertThat(findings("""
                <bpmn:userTask id="decide" camunda:candidateGroups="refund-desk">
                  <bpmn:extensionElements><camunda:formData>
                    <camunda:formField id="amount" label="Amount" type="long" defaultValue="${order['total'] * 100}">
                      <camunda:validation><camunda:constraint name="required" /><camunda:constraint name="min" config="1" /></camunda:validation>
                    </camunda:formField>
                    <camunda:formField id="reason" type="enum" defaultValue="damaged">
                      <camunda:value id="damaged" name="Arrived damaged" /><camunda:value id="late" name="Arrived late" />
                    </camunda:formField>
                    <camunda:formField id="approved" type="boolean" /><camunda:formField id="payOn" type="date" datePattern="yyyy-MM-dd" />
                    <camunda:formField id="note" label="${customer.name}'s note" type="string" defaultValue="${now()}" />
                  </camunda:formData></bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:startEvent id="start"><bpmn:extensionElements><camunda:formData>
                  <camunda:formField id="orderId" type="string" />
                </camunda:formData></bpmn:extensionElements></bpmn:startEvent>
                """)).isEmpty();
    }

    @Test
    void acceptsAScriptInAMappingWithAWarningThatItWillNotRun() {
        List<FlowFinding> warnings = new java.util.ArrayList<>();
        List<FlowFinding> findings = findings("""
                <bpmn:task id="el"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="x"><camunda:script scriptFormat="javascript">1</camunda:script></camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:task>
                """, warnings);

        assertThat(findings).isEmpty();
        assertThat(warnings).singleElement().satisfies(warning -> {
            assertThat(warning.elementId()).isEqualTo("el");
            assertThat(warning.reason()).contains("camunda:script (scriptFormat 'javascript')").contains("will not run");
        });
    }

    @Test
    void refusesARegisteredConnectorThatCannotRunOnThisNodeWithTheReason() {
        FlowChecker withoutKafka = new FlowChecker(List.of("vars.set", "kafka.publish"),
                Map.of("kafka.publish", "Kafka is not configured on this node: set FLOWGATE_KAFKA_BOOTSTRAP_SERVERS"));

        assertThat(findings(withoutKafka, """
                <bpmn:serviceTask id="publish"><bpmn:extensionElements><camunda:connector><camunda:connectorId>kafka.publish</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask>
                <bpmn:serviceTask id="set"><bpmn:extensionElements><camunda:connector><camunda:connectorId>vars.set</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask>
                <bpmn:serviceTask id="unknown"><bpmn:extensionElements><camunda:connector><camunda:connectorId>mq.send</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask>
                """, new java.util.ArrayList<>())).extracting(FlowFinding::elementId, FlowFinding::reason).containsExactly(
                tuple("publish", "connector 'kafka.publish' cannot run on this node: Kafka is not configured on this "
                        + "node: set FLOWGATE_KAFKA_BOOTSTRAP_SERVERS"),
                tuple("unknown", "connector 'mq.send' is not registered (registered: kafka.publish, vars.set)"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            start cycle of 1 ms          | <bpmn:startEvent id="tick"><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT0.001S</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent> | the timer start event's timeCycle 'R/PT0.001S' fires every 1 ms, more often than the timer floor allows: at least 1 min (FLOWGATE_TIMER_FLOOR)
            start cron every 5 s         | <bpmn:startEvent id="tick"><bpmn:timerEventDefinition><bpmn:timeCycle>0/5 * * * * ?</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent> | the timer start event's timeCycle '0/5 * * * * ?' fires every 5 s
            start cron burst             | <bpmn:startEvent id="tick"><bpmn:timerEventDefinition><bpmn:timeCycle>0-2 0 * * * ?</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent> | '0-2 0 * * * ?' fires every 1 s
            start cycle with start date  | <bpmn:startEvent id="tick"><bpmn:timerEventDefinition><bpmn:timeCycle>R/2020-01-01T00:00:00Z/PT0.5S</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent> | fires every 500 ms
            start duration               | <bpmn:startEvent id="tick"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent> | the timer start event's timeDuration 'PT1S' fires after 1 s
            start expression             | <bpmn:startEvent id="tick"><bpmn:timerEventDefinition><bpmn:timeCycle>${'R/PT0.001S'}</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent> | is an expression; write the value out (e.g. R/PT5M) so it can be checked against the timer floor of 1 min
            start nonsense               | <bpmn:startEvent id="tick"><bpmn:timerEventDefinition><bpmn:timeCycle>every minute</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent> | 'every minute' is not an ISO 8601 cycle (R/PT5M) or a cron expression
            definition with its own id   | <bpmn:startEvent id="tick"><bpmn:timerEventDefinition id="TimerEventDefinition_1"><bpmn:timeCycle>R/PT1S</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent> | fires every 1 s
            boundary cycle               | <bpmn:boundaryEvent id="tick" attachedToRef="wait" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT1S</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent> | the timer's timeCycle 'R/PT1S' fires every 1 s
            boundary cycle expression    | <bpmn:boundaryEvent id="tick" attachedToRef="wait" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>${reminders}</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent> | the timer's timeCycle '${reminders}' is an expression
            event subprocess cycle       | <bpmn:subProcess id="sub" triggeredByEvent="true"><bpmn:startEvent id="tick" isInterrupting="false"><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT10S</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent></bpmn:subProcess> | the timer's timeCycle 'R/PT10S' fires every 10 s
            """)
    void refusesATimerThatFiresMoreOftenThanTheFloor(String rule, String element, String reason) {
        assertThat(findings(element)).anySatisfy(finding -> {
            assertThat(finding.elementId()).isEqualTo("tick");
            assertThat(finding.reason()).contains(reason);
        });
    }

    @Test
    void acceptsTimersAtTheFloorAndWaitsThatFireOncePerToken() {
        assertThat(findings("""
                <bpmn:startEvent id="s1"><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT1M</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
                <bpmn:startEvent id="s2"><bpmn:timerEventDefinition><bpmn:timeCycle>0 0/5 * * * ?</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
                <bpmn:startEvent id="s3"><bpmn:timerEventDefinition><bpmn:timeDate>2030-01-01T00:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:startEvent>
                <bpmn:startEvent id="s4"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
                <bpmn:startEvent id="s5"><bpmn:timerEventDefinition><bpmn:timeCycle>R/P2W</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
                <bpmn:userTask id="wait" />
                <bpmn:boundaryEvent id="b1" attachedToRef="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
                <bpmn:boundaryEvent id="b2" attachedToRef="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>${deadline}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
                <bpmn:boundaryEvent id="b3" attachedToRef="wait" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>R1/PT1S</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
                <bpmn:intermediateCatchEvent id="i1"><bpmn:timerEventDefinition><bpmn:timeDuration>PT0S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
                <bpmn:subProcess id="sub" triggeredByEvent="true"><bpmn:startEvent id="e1"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent></bpmn:subProcess>
                """)).isEmpty();
    }

    @Test
    void theTimerFloorIsConfigurableAndZeroTurnsItOff() {
        String everySecond = """
                <bpmn:startEvent id="tick"><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT1S</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
                """;
        FlowChecker lenient = new FlowChecker(List.of(), Map.of(), java.time.Duration.ofSeconds(1));
        FlowChecker strict = new FlowChecker(List.of(), Map.of(), java.time.Duration.ofHours(1));
        FlowChecker off = new FlowChecker(List.of(), Map.of(), java.time.Duration.ZERO);

        assertThat(findings(lenient, everySecond, new java.util.ArrayList<>())).isEmpty();
        assertThat(findings(off, everySecond.replace("R/PT1S", "R/PT0.001S"), new java.util.ArrayList<>())).isEmpty();
        assertThat(findings(strict, everySecond.replace("R/PT1S", "R/PT5M"), new java.util.ArrayList<>()))
                .singleElement().satisfies(finding -> assertThat(finding.reason())
                        .contains("fires every 5 min", "at least 1 h"));
    }

    @Test
    void collectsEveryFindingNotOnlyTheFirst() {
        assertThat(findings("""
                <bpmn:serviceTask id="one" camunda:class="org.x.A" />
                <bpmn:serviceTask id="two" camunda:class="org.x.B" />
                <bpmn:scriptTask id="three" scriptFormat="groovy" />
                """)).extracting(FlowFinding::elementId).containsExactly("one", "two", "three");
    }

    @Test
    void refusesADoctypeWithoutResolvingItsEntities(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<bpmn:definitions xmlns:bpmn=\"" + SafeXml.BPMN_NS + "\"><bpmn:process id=\"p\" name=\"&x;\" />"
                + "</bpmn:definitions>";

        assertThatThrownBy(() -> checker.checkOrReject("xxe.bpmn", xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(FlowRejected.class, rejected -> {
                    assertThat(rejected.findings()).singleElement().satisfies(finding ->
                            assertThat(finding.reason()).contains("DOCTYPE").doesNotContain("TOP-SECRET"));
                });
    }

    @Test
    void refusesFilesThatAreNotBpmn() {
        assertThatThrownBy(() -> checker.checkOrReject("x.bpmn", "not xml".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FlowRejected.class).hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> checker.checkOrReject("x.bpmn", "<a/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FlowRejected.class).hasMessageContaining("not BPMN 2.0");
    }

    private List<FlowFinding> findings(String processContent) {
        return findings(processContent, new java.util.ArrayList<>());
    }

    private List<FlowFinding> findings(String processContent, List<FlowFinding> warnings) {
        return findings(checker, processContent, warnings);
    }

    private static List<FlowFinding> findings(FlowChecker checker, String processContent,
                                              List<FlowFinding> warnings) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="t">
                  <bpmn:process id="p" isExecutable="true">
                """ + processContent + """
                  </bpmn:process>
                </bpmn:definitions>
                """;
        return checker.check("test.bpmn", SafeXml.parse("test.bpmn", xml.getBytes(StandardCharsets.UTF_8)), warnings);
    }
}
