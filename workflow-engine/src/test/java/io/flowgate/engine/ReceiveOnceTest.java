package io.flowgate.engine;

import io.flowgate.engine.internal.CamundaWorkflowEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Messages from outside start or advance a flow exactly once per message id, however often they are delivered. */
class ReceiveOnceTest {

    private static final String SCOPE = "kafka:flowgate:orders";
    private static CamundaWorkflowEngine engine;

    @BeforeAll
    static void deploy() {
        engine = TestEngines.withFixture("CorrelateAndCompleteTest.payment.bpmn");
        engine.deploy("StartFlowTest.failing.bpmn", TestEngines.fixture("StartFlowTest.failing.bpmn"));
        engine.deploy("ErrorOutcomeTest.errors.bpmn", TestEngines.fixture("ErrorOutcomeTest.errors.bpmn"));
    }

    private static ReceivedMessage message() {
        return new ReceivedMessage(SCOPE, TestEngines.uniqueKey());
    }

    private static StartRequest payment(String order) {
        return new StartRequest("payment", order, Map.of("order", order), null, "kafka:orders");
    }

    private static long instances(String flow, String businessKey) {
        return engine.instances(new InstanceQuery(flow, null, businessKey, null, 0, 10)).total();
    }

    @Test
    void startsOneInstanceForAMessageDeliveredTwice() {
        String order = TestEngines.uniqueKey();
        ReceivedMessage message = message();

        MessageReceipt first = engine.startOnce(message, payment(order));
        MessageReceipt again = engine.startOnce(message, payment(order));

        assertThat(first.duplicate()).isFalse();
        assertThat(first.instance()).get().satisfies(instance -> {
            assertThat(instance.id()).isEqualTo(first.instanceId());
            assertThat(instance.state()).isEqualTo(InstanceState.WAITING);
            assertThat(instance.variables()).containsEntry("order", order);
        });
        assertThat(again.duplicate()).isTrue();
        assertThat(again.instanceId()).isEqualTo(first.instanceId());
        assertThat(again.instance()).isEmpty();
        assertThat(instances("payment", order)).isEqualTo(1);
    }

    @Test
    void theSameIdInAnotherScopeIsAnotherMessage() {
        String order = TestEngines.uniqueKey();
        ReceivedMessage message = message();

        engine.startOnce(message, payment(order));
        MessageReceipt other = engine.startOnce(new ReceivedMessage("kafka:audit:orders", message.id()),
                payment(order));

        assertThat(other.duplicate()).isFalse();
        assertThat(instances("payment", order)).isEqualTo(2);
    }

    @Test
    void concurrentDeliveriesOfOneMessageStartExactlyOneInstance() throws Exception {
        String order = TestEngines.uniqueKey();
        ReceivedMessage message = message();
        int deliveries = 8;
        ExecutorService consumers = Executors.newFixedThreadPool(deliveries);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<MessageReceipt>> receipts = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                receipts.add(consumers.submit(() -> {
                    go.await();
                    return engine.startOnce(message, payment(order));
                }));
            }
            go.countDown();
            List<MessageReceipt> done = new ArrayList<>();
            for (Future<MessageReceipt> receipt : receipts) {
                done.add(receipt.get(60, TimeUnit.SECONDS));
            }

            assertThat(done).filteredOn(r -> !r.duplicate()).hasSize(1);
            assertThat(done).extracting(MessageReceipt::instanceId).containsOnly(done.get(0).instanceId());
            assertThat(instances("payment", order)).isEqualTo(1);
        } finally {
            consumers.shutdownNow();
        }
    }

    @Test
    void aStartThatFailsRecordsNothingSoTheMessageCanBeTriedAgain() {
        ReceivedMessage message = message();
        String order = TestEngines.uniqueKey();

        assertThatThrownBy(() -> engine.startOnce(message, new StartRequest("failing", order, Map.of(), null, null)))
                .isInstanceOf(FlowFailed.class);
        assertThatThrownBy(() -> engine.startOnce(message, new StartRequest("no-such-flow", order, Map.of(), null,
                null))).isInstanceOf(FlowNotFound.class);

        assertThat(engine.startOnce(message, payment(order)).duplicate()).isFalse();
        assertThat(instances("failing", order)).isZero();
    }

    @Test
    void reportsAnInstanceThatEndedInABpmnError() {
        MessageReceipt receipt = engine.startOnce(message(), new StartRequest("errorEnd", null, Map.of(), null, null));

        assertThat(receipt.instance()).get().satisfies(instance -> {
            assertThat(instance.state()).isEqualTo(InstanceState.ERROR);
            assertThat(instance.error()).get().extracting(FlowError::code).isEqualTo("OUT_OF_STOCK");
        });
    }

    @Test
    void givesTheInstanceTheRequestsTenant() {
        MessageReceipt receipt = engine.startOnce(message(), new StartRequest("payment", TestEngines.uniqueKey(),
                Map.of(), "acme", null));

        assertThat(receipt.instance()).get().extracting(FlowInstance::tenantId).isEqualTo("acme");
    }

    @Test
    void correlatesAMessageDeliveredTwiceOnce() {
        String order = TestEngines.uniqueKey();
        String instanceId = engine.start(payment(order), Duration.ofSeconds(10)).id();
        ReceivedMessage message = message();
        CorrelateRequest paid = new CorrelateRequest("payment", "paymentReceived", order, Map.of("amount", 12.5),
                null);

        MessageReceipt first = engine.correlateOnce(message, paid);
        MessageReceipt again = engine.correlateOnce(message, paid);

        assertThat(first.duplicate()).isFalse();
        assertThat(first.instanceId()).isEqualTo(instanceId);
        assertThat(first.instance()).get().satisfies(instance -> {
            assertThat(instance.activities()).extracting(ActivityView::id).containsExactly("ship");
            assertThat(instance.variables()).containsEntry("amount", 12.5);
        });
        // the instance no longer waits for the message, yet the redelivery is recognised rather than refused
        assertThat(again.duplicate()).isTrue();
        assertThat(again.instanceId()).isEqualTo(instanceId);
    }

    @Test
    void aMessageNobodyWaitsForYetRecordsNothingSoItCanBeTriedAgain() {
        String order = TestEngines.uniqueKey();
        ReceivedMessage message = message();
        CorrelateRequest paid = new CorrelateRequest("payment", "paymentReceived", order, Map.of(), null);

        assertThatThrownBy(() -> engine.correlateOnce(message, paid)).isInstanceOf(NoMatchingInstance.class);
        engine.start(payment(order), Duration.ofSeconds(10));

        assertThat(engine.correlateOnce(message, paid).duplicate()).isFalse();
    }

    @Test
    void correlatesAMessageInTheTenantOfItsInstance() {
        String order = TestEngines.uniqueKey();
        String instanceId = engine.start(new StartRequest("payment", order, Map.of(), "acme", "kafka:orders"),
                Duration.ofSeconds(10)).id();

        MessageReceipt receipt = engine.correlateOnce(message(), CorrelateRequest.inTenantOfInstance("payment",
                "paymentReceived", order, Map.of()));

        assertThat(receipt.instanceId()).isEqualTo(instanceId);
        assertThat(receipt.instance()).get().extracting(FlowInstance::tenantId).isEqualTo("acme");
    }
}
