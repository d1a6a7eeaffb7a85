package io.flowgate.engine;

import io.flowgate.connectors.ConnectorRegistry;
import io.flowgate.connectors.builtin.SetVariablesConnector;
import io.flowgate.connectors.kafka.KafkaPublishConnector;
import io.flowgate.connectors.kafka.KafkaPublisher;
import io.flowgate.connectors.kafka.KafkaSettings;
import io.flowgate.engine.config.CamundaEngineBuilder;
import io.flowgate.engine.config.EngineSettings;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code kafka.publish} is registered on every node, but a node without Kafka refuses flows that use it at deploy,
 * saying what to set, instead of accepting them and failing every instance at the task.
 */
class KafkaPublishDeployTest {

    private static final String FLOW = "KafkaPublishDeployTest.publish.bpmn";

    @Test
    void refusesAFlowUsingKafkaPublishOnANodeWithoutKafka() {
        try (KafkaPublisher publisher = new KafkaPublisher(new KafkaSettings());
             Node node = Node.start(publisher)) {
            assertThatThrownBy(() -> node.engine().deploy(FLOW, TestEngines.fixture(FLOW)))
                    .isInstanceOfSatisfying(FlowRejected.class, rejected -> assertThat(rejected.findings())
                            .singleElement().satisfies(finding -> {
                                assertThat(finding.elementId()).isEqualTo("publish");
                                assertThat(finding.reason()).isEqualTo("connector 'kafka.publish' cannot run on "
                                        + "this node: Kafka is not configured on this node: set "
                                        + "FLOWGATE_KAFKA_BOOTSTRAP_SERVERS (flowgate.kafka.bootstrap-servers)");
                            }));
            assertThat(node.engine().flows()).noneMatch(flow -> flow.key().equals("order-events"));
        }
    }

    @Test
    void deploysTheSameFlowOnANodeWithKafka() {
        KafkaSettings settings = new KafkaSettings();
        // deploying needs no broker: the producer connects on its first record
        settings.setBootstrapServers("127.0.0.1:9092");
        try (KafkaPublisher publisher = new KafkaPublisher(settings);
             Node node = Node.start(publisher)) {
            FlowDeployment deployment = node.engine().deploy(FLOW, TestEngines.fixture(FLOW));

            assertThat(deployment.flows()).extracting(FlowSummary::key).containsExactly("order-events");
        }
    }

    /** An engine of its own, whose registry holds {@code kafka.publish} wired to the given publisher. */
    private record Node(JdbcConnectionPool pool, CamundaEngineBuilder.EmbeddedEngine embedded) implements AutoCloseable {

        static Node start(KafkaPublisher publisher) {
            ConnectorRegistry registry = new ConnectorRegistry(List.of(new SetVariablesConnector(),
                    new KafkaPublishConnector(publisher)));
            JdbcConnectionPool pool = TestEngines.memoryPool(4);
            EngineSettings settings = EngineSettings.defaults().withName("kafka-" + TestEngines.uniqueKey())
                    .withJobExecutorEnabled(false);
            return new Node(pool, CamundaEngineBuilder.build(pool, settings, registry));
        }

        WorkflowEngine engine() {
            return embedded.workflowEngine();
        }

        @Override
        public void close() {
            embedded.close();
            pool.dispose();
        }
    }
}
