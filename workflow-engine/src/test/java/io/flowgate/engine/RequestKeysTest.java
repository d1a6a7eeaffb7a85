package io.flowgate.engine;

import io.flowgate.engine.internal.CamundaWorkflowEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
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

/**
 * A request with a key (an HTTP Idempotency-Key) starts, correlates or completes at most once: a retry of a request
 * that committed — whatever its first caller heard, or did not hear because the node died — runs nothing and is
 * answered from the instance the first one acted on.
 */
class RequestKeysTest {

    private static final String SCOPE = "test-keys";
    private static final Duration BUDGET = Duration.ofSeconds(20);
    private static CamundaWorkflowEngine engine;

    @BeforeAll
    static void deploy() {
        engine = TestEngines.withFixture("RequestKeysTest.keyed.bpmn");
        engine.deploy("RequestKeysTest.after-commit.bpmn", TestEngines.fixture("RequestKeysTest.after-commit.bpmn"));
        engine.deploy("StartFlowTest.failing.bpmn", TestEngines.fixture("StartFlowTest.failing.bpmn"));
    }

    private static ReceivedMessage key() {
        return new ReceivedMessage(SCOPE, TestEngines.uniqueKey());
    }

    private static StartRequest keyed(String businessKey, int millis) {
        return new StartRequest("keyed", businessKey, Map.of("millis", millis), null, "ada");
    }

    private static long instances(String flow, String businessKey) {
        return engine.instances(new InstanceQuery(flow, null, businessKey, null, 0, 10)).total();
    }

    @Test
    void aStartWhoseKeyWasRecordedRunsNothingAndAnswersWithTheFirstInstance() {
        String order = TestEngines.uniqueKey();
        ReceivedMessage key = key();

        FlowInstance first = engine.start(keyed(order, 0), BUDGET, key);
        FlowInstance retry = engine.start(keyed(order, 0), BUDGET, key);
        FlowInstance asyncRetry = engine.startCommitted(keyed(order, 0), BUDGET, key);

        assertThat(first.state()).isEqualTo(InstanceState.WAITING);
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(retry.state()).isEqualTo(InstanceState.WAITING);
        assertThat(retry.variables()).containsEntry("millis", 0);
        assertThat(asyncRetry.id()).isEqualTo(first.id());
        assertThat(instances("keyed", order)).isEqualTo(1);
    }

    @Test
    void anotherKeyOrNoKeyStartsAnotherInstance() {
        String order = TestEngines.uniqueKey();

        engine.start(keyed(order, 0), BUDGET, key());
        engine.start(keyed(order, 0), BUDGET, key());
        engine.start(keyed(order, 0), BUDGET);

        assertThat(instances("keyed", order)).isEqualTo(3);
    }

    @Test
    void concurrentStartsWithOneKeyStartOneInstanceAndAllAnswerWithIt() throws Exception {
        String order = TestEngines.uniqueKey();
        ReceivedMessage key = key();
        int callers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<FlowInstance>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    // the synchronous part takes a while, so the others arrive while the first has not committed
                    return engine.start(keyed(order, 300), BUDGET, key);
                }));
            }
            go.countDown();
            List<FlowInstance> done = new ArrayList<>();
            for (Future<FlowInstance> answer : answers) {
                done.add(answer.get(60, TimeUnit.SECONDS));
            }

            assertThat(done).extracting(FlowInstance::id).containsOnly(done.get(0).id());
            assertThat(done).extracting(FlowInstance::state).containsOnly(InstanceState.WAITING);
            assertThat(instances("keyed", order)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStartThatFailedRecordedNothingSoItsKeyRunsAgain() {
        ReceivedMessage key = key();
        String order = TestEngines.uniqueKey();

        assertThatThrownBy(() -> engine.start(new StartRequest("failing", order, Map.of(), null, null), BUDGET, key))
                .isInstanceOf(FlowFailed.class);
        FlowInstance again = engine.start(keyed(order, 0), BUDGET, key);

        assertThat(again.flowKey()).isEqualTo("keyed");
        assertThat(instances("keyed", order)).isEqualTo(1);
    }

    @Test
    void aCorrelationWhoseKeyWasRecordedCorrelatesNothingEvenOnceTheInstanceMovedOn() {
        String order = TestEngines.uniqueKey();
        FlowInstance started = engine.start(keyed(order, 0), BUDGET);
        ReceivedMessage key = key();
        CorrelateRequest go = new CorrelateRequest("keyed", "go", order, Map.of("approved", true), null);

        FlowInstance first = engine.correlate(go, BUDGET, key);
        FlowInstance retry = engine.correlate(go, BUDGET, key);
        FlowInstance asyncRetry = engine.correlateCommitted(go, BUDGET, key);

        assertThat(first.id()).isEqualTo(started.id());
        assertThat(first.activities()).extracting(ActivityView::id).containsExactly("review");
        assertThat(retry.id()).isEqualTo(started.id());
        assertThat(retry.state()).isEqualTo(InstanceState.WAITING);
        assertThat(asyncRetry.id()).isEqualTo(started.id());
        // without the key the same message finds nobody waiting any more
        assertThatThrownBy(() -> engine.correlate(go, BUDGET)).isInstanceOf(NoMatchingInstance.class);
        assertThatThrownBy(() -> engine.correlate(go, BUDGET, key())).isInstanceOf(NoMatchingInstance.class);
    }

    @Test
    void aTaskCompletionWhoseKeyWasRecordedCompletesNothingEvenOnceTheTaskIsDone() {
        String order = TestEngines.uniqueKey();
        engine.start(keyed(order, 0), BUDGET);
        engine.correlate(new CorrelateRequest("keyed", "go", order, Map.of(), null), BUDGET);
        ReceivedMessage key = key();
        CompleteTaskRequest review = new CompleteTaskRequest("keyed", "review", order, Map.of("ok", true), null);

        FlowInstance first = engine.completeTask(review, BUDGET, key);
        FlowInstance retry = engine.completeTask(review, BUDGET, key);

        assertThat(first.state()).isEqualTo(InstanceState.COMPLETED);
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(retry.state()).isEqualTo(InstanceState.COMPLETED);
        assertThatThrownBy(() -> engine.completeTask(review, BUDGET, key())).isInstanceOf(NoMatchingInstance.class);
    }

    @Test
    void aForgottenKeyRunsAgain() {
        String order = TestEngines.uniqueKey();
        String scope = "forget-" + TestEngines.uniqueKey();
        ReceivedMessage key = new ReceivedMessage(scope, "k-1");
        engine.start(keyed(order, 0), BUDGET, key);

        assertThat(engine.forgetReceived(scope, Instant.now().minusSeconds(60))).isZero();
        assertThat(engine.forgetReceived(scope, Instant.now().plusSeconds(1))).isEqualTo(1);
        engine.start(keyed(order, 0), BUDGET, key);

        assertThat(instances("keyed", order)).isEqualTo(2);
    }

    @Test
    void aStartThatCommittedIsAnsweredAsStartedEvenWhenSomethingFailsAfterTheCommit() {
        String order = TestEngines.uniqueKey();

        FlowInstance started = engine.start(new StartRequest("afterCommit", order, Map.of(), null, null), BUDGET);

        assertThat(started.state()).isEqualTo(InstanceState.WAITING);
        assertThat(started.activities()).extracting(ActivityView::id).containsExactly("waitForNext");
        assertThat(instances("afterCommit", order)).isEqualTo(1);
    }

    @Test
    void aCorrelationThatCommittedIsAnsweredAsDoneEvenWhenSomethingFailsAfterTheCommit() {
        String order = TestEngines.uniqueKey();
        engine.start(new StartRequest("afterCommit", order, Map.of(), null, null), BUDGET);

        FlowInstance moved = engine.correlate(new CorrelateRequest("afterCommit", "next", order, Map.of(), null),
                BUDGET);

        assertThat(moved.state()).isEqualTo(InstanceState.WAITING);
        assertThat(moved.activities()).extracting(ActivityView::id).containsExactly("review");
    }
}
