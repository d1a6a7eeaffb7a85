package io.flowgate.engine;

import io.flowgate.connectors.Connector;
import io.flowgate.connectors.ConnectorDescriptor;
import io.flowgate.connectors.ConnectorRegistry;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.events.Outbox;
import io.flowgate.engine.config.CamundaEngineBuilder;
import io.flowgate.engine.config.EngineSettings;
import io.flowgate.engine.config.NodeIdentity;
import io.flowgate.engine.config.NodeSettings;
import io.flowgate.engine.internal.CamundaWorkflowEngine;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nodes that die and the jobs and deadlines they leave behind, on real engines and H2 databases: a file database
 * only one process can open (the node knows every earlier node is dead) and an in-memory database shared by engines
 * of this JVM (nodes learn of each other's death from the heartbeats). A crash is simulated by what it leaves in the
 * tables: a job locked by a node that will never heartbeat again.
 */
class NodeRecoveryTest {

    /** Heartbeats fast enough for a test; a node silent for a second is dead. */
    private static final NodeSettings FAST = new NodeSettings(Duration.ofMillis(200), Duration.ofSeconds(1),
            Duration.ofSeconds(5));
    private static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();
    private static final String DEAD = "crashed-host/4242/0badf00d";

    @Test
    void aJobLeftLockedByAProcessThatDiedRunsAsSoonAsTheNextProcessOpensTheDatabase(@TempDir Path dir)
            throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("flowgate") + ";DB_CLOSE_ON_EXIT=FALSE";
        String instanceId;
        try (Node first = Node.start(url, NodeSettings.defaults(), false)) {
            first.engine().deploy("long-job.bpmn", TestEngines.fixture("NodeRecoveryTest.long-job.bpmn"));
            instanceId = first.engine().start(new StartRequest("long-job", null, Map.of("millis", 0), null, null),
                    Duration.ZERO).id();
        }
        // what kill -9 leaves: the job locked for minutes by a node whose heartbeat is only a moment old
        long now = System.currentTimeMillis();
        try (Node.Pool pool = Node.pool(url)) {
            pool.update("INSERT INTO cluster_nodes (node_id, host, pid, started_at, heartbeat_at) "
                    + "VALUES (?, 'crashed-host', 4242, ?, ?)", DEAD, now - 60_000, now);
            assertThat(pool.update("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? "
                    + "WHERE PROCESS_INSTANCE_ID_ = ?", DEAD, new Timestamp(now + 600_000), instanceId)).isEqualTo(1);
        }

        try (Node second = Node.start(url, NodeSettings.defaults(), true)) {
            Eventually.within(Duration.ofSeconds(10), () -> assertThat(second.engine().instance(instanceId)).get()
                    .extracting(FlowInstance::state).isEqualTo(InstanceState.COMPLETED));
            assertThat(RUNS.get(instanceId)).hasValue(1);
        }
    }

    @Test
    void aDeadlinePendingWhenTheLastNodeStoppedIsPostponedByTheDowntime(@TempDir Path dir) throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("flowgate") + ";DB_CLOSE_ON_EXIT=FALSE";
        String instanceId;
        try (Node first = Node.start(url, NodeSettings.defaults(), false)) {
            first.engine().deploy("deadline.bpmn", TestEngines.fixture("NodeRecoveryTest.deadline.bpmn"));
            instanceId = first.engine().start(new StartRequest("deadline", "order-1", Map.of(), null, null),
                    Duration.ofSeconds(10)).id();
        }
        // as if the node had stopped 90 s ago, 10 s after the one-minute deadline began: it fell due 40 s ago,
        // during the downtime, with 50 s still to go when the node stopped
        long stopped = System.currentTimeMillis() - 90_000;
        try (Node.Pool pool = Node.pool(url)) {
            pool.update("UPDATE cluster_nodes SET heartbeat_at = ?, stopped_at = ?", stopped, stopped);
            assertThat(pool.update("UPDATE ACT_RU_JOB SET CREATE_TIME_ = ?, DUEDATE_ = ? WHERE PROCESS_INSTANCE_ID_ = ? "
                    + "AND HANDLER_TYPE_ = 'timer-transition'", new Timestamp(stopped - 10_000),
                    new Timestamp(stopped + 50_000), instanceId)).isEqualTo(1);
        }

        try (Node second = Node.start(url, NodeSettings.defaults(), true)) {
            long started = System.currentTimeMillis();
            try (Node.Pool pool = Node.pool(url)) {
                long due = pool.millis("SELECT DUEDATE_ FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ = ?", instanceId);
                assertThat(due - started).as("the deadline has the 50 s it had left when the node stopped")
                        .isBetween(40_000L, 52_000L);
            }
            second.processEngine().getRuntimeService().createMessageCorrelation("Paid")
                    .processInstanceId(instanceId).correlate();
            assertThat(second.engine().instance(instanceId)).get().extracting(FlowInstance::state)
                    .isEqualTo(InstanceState.COMPLETED);
            assertThat(second.processEngine().getHistoryService().createHistoricActivityInstanceQuery()
                    .processInstanceId(instanceId).activityId("timedOut").count()).as("the deadline fired").isZero();
        }
    }

    @Test
    void aLiveNodeReleasesTheJobsOfANodeThatStoppedHeartbeatingWithinSeconds() throws SQLException {
        String url = "jdbc:h2:mem:" + TestEngines.uniqueKey() + ";DB_CLOSE_DELAY=-1";
        try (Node live = Node.start(url, FAST, true)) {
            live.engine().deploy("wait.bpmn", TestEngines.fixture("NodeRecoveryTest.wait.bpmn"));
            String instanceId = live.engine().start(new StartRequest("wait", null, Map.of("millis", 0), null,
                    null), Duration.ofSeconds(10)).id();
            // another node took the timer as it fell due, then died: its heartbeat stops now
            long now = System.currentTimeMillis();
            try (Node.Pool pool = Node.pool(url)) {
                pool.update("INSERT INTO cluster_nodes (node_id, host, pid, started_at, heartbeat_at) "
                        + "VALUES (?, 'crashed-host', 4242, ?, ?)", DEAD, now - 60_000, now);
                assertThat(pool.update("UPDATE ACT_RU_JOB SET DUEDATE_ = ?, LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? "
                        + "WHERE PROCESS_INSTANCE_ID_ = ?", new Timestamp(now - 1_000), DEAD,
                        new Timestamp(now + 600_000), instanceId)).isEqualTo(1);
            }

            Eventually.within(Duration.ofSeconds(8), () -> assertThat(live.engine().instance(instanceId)).get()
                    .extracting(FlowInstance::state).isEqualTo(InstanceState.COMPLETED));
            assertThat(RUNS.get(instanceId)).hasValue(1);
            try (Node.Pool pool = Node.pool(url)) {
                assertThat(pool.count("SELECT COUNT(*) FROM cluster_nodes WHERE node_id = ? "
                        + "AND stopped_at IS NOT NULL", DEAD)).as("the dead node is marked stopped").isEqualTo(1);
            }
        }
    }

    @Test
    void aNodeStartingOnASharedDatabaseTellsItsKilledPredecessorFromALiveNodeAndRecovers() throws SQLException {
        String url = "jdbc:h2:mem:" + TestEngines.uniqueKey() + ";DB_CLOSE_DELAY=-1";
        String waiting;
        String working;
        try (Node setup = Node.start(url, FAST, false)) {
            setup.engine().deploy("deadline.bpmn", TestEngines.fixture("NodeRecoveryTest.deadline.bpmn"));
            setup.engine().deploy("long-job.bpmn", TestEngines.fixture("NodeRecoveryTest.long-job.bpmn"));
            waiting = setup.engine().start(new StartRequest("deadline", "order-2", Map.of(), null, null),
                    Duration.ofSeconds(10)).id();
            working = setup.engine().start(new StartRequest("long-job", null, Map.of("millis", 0), null, null),
                    Duration.ZERO).id();
        }
        // the only node was killed a moment ago: a fresh heartbeat, never stopped, a job locked for minutes
        long now = System.currentTimeMillis();
        long dueBefore;
        try (Node.Pool pool = Node.pool(url)) {
            pool.update("DELETE FROM cluster_nodes");
            pool.update("INSERT INTO cluster_nodes (node_id, host, pid, started_at, heartbeat_at) "
                    + "VALUES (?, 'crashed-host', 4242, ?, ?)", DEAD, now - 60_000, now);
            assertThat(pool.update("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? "
                    + "WHERE PROCESS_INSTANCE_ID_ = ?", DEAD, new Timestamp(now + 600_000), working)).isEqualTo(1);
            dueBefore = pool.millis("SELECT DUEDATE_ FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ = ?", waiting);
        }

        try (Node next = Node.start(url, FAST, true)) {
            try (Node.Pool pool = Node.pool(url)) {
                long dueAfter = pool.millis("SELECT DUEDATE_ FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ = ?",
                        waiting);
                assertThat(dueAfter - dueBefore).as("the deadline moved by the time nothing ran: at least the "
                        + "node timeout it took to see the predecessor was dead").isBetween(1_000L, 30_000L);
            }
            Eventually.within(Duration.ofSeconds(8), () -> assertThat(next.engine().instance(working)).get()
                    .extracting(FlowInstance::state).isEqualTo(InstanceState.COMPLETED));
            assertThat(RUNS.get(working)).hasValue(1);
            assertThat(next.engine().instance(waiting)).get().extracting(FlowInstance::state)
                    .isEqualTo(InstanceState.WAITING);
        }
    }

    @Test
    void aJobRunningLongerThanTheLockTimeIsNotTakenByAnotherLiveNode() {
        String url = "jdbc:h2:mem:" + TestEngines.uniqueKey() + ";DB_CLOSE_DELAY=-1";
        try (Node a = Node.start(url, FAST, true); Node b = Node.start(url, FAST, true)) {
            a.engine().deploy("long-job.bpmn", TestEngines.fixture("NodeRecoveryTest.long-job.bpmn"));
            long lockTime = FAST.jobLockTime().toMillis();
            String instanceId = a.engine().start(new StartRequest("long-job", null,
                    Map.of("millis", lockTime + 3_000), null, null), Duration.ZERO).id();

            Eventually.within(Duration.ofSeconds(25), () -> assertThat(a.engine().instance(instanceId)).get()
                    .extracting(FlowInstance::state).isEqualTo(InstanceState.COMPLETED));
            assertThat(RUNS.get(instanceId)).as("runs of the job").hasValue(1);
        }
    }

    private static ConnectorRegistry registry() {
        ConnectorDescriptor counted = new ConnectorDescriptor("test.counted", "counted", "counts its runs",
                List.of(), List.of(), List.of(), true);
        return new ConnectorRegistry(List.of(new Connector() {
            @Override
            public ConnectorDescriptor descriptor() {
                return counted;
            }

            @Override
            public Map<String, Object> execute(ConnectorRequest request) {
                RUNS.computeIfAbsent(request.instanceId(), id -> new AtomicInteger()).incrementAndGet();
                try {
                    Thread.sleep(((Number) request.input("millis")).longValue());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Map.of();
            }
        }));
    }

    /** An engine (a node) on its own pool of the database at {@code url}. */
    private record Node(JdbcConnectionPool pool, CamundaEngineBuilder.EmbeddedEngine embedded)
            implements AutoCloseable {

        static Node start(String url, NodeSettings nodes, boolean jobExecutor) {
            JdbcConnectionPool pool = TestEngines.pool(url, 8);
            EngineSettings settings = EngineSettings.defaults().withName("node-" + TestEngines.uniqueKey())
                    .withJobExecutorEnabled(jobExecutor);
            return new Node(pool, CamundaEngineBuilder.prepare(pool, settings, nodes, NodeIdentity.create())
                    .start(registry(), new Outbox(pool)));
        }

        WorkflowEngine engine() {
            return embedded.workflowEngine();
        }

        org.camunda.bpm.engine.ProcessEngine processEngine() {
            return ((CamundaWorkflowEngine) engine()).processEngine();
        }

        @Override
        public void close() {
            try {
                embedded.close();
            } finally {
                pool.dispose();
            }
        }

        static Pool pool(String url) {
            return new Pool(TestEngines.pool(url, 1));
        }

        /** Plain SQL on the database, as an operator (or a crash) would change it. */
        record Pool(JdbcConnectionPool pool) implements AutoCloseable {

            int update(String sql, Object... parameters) throws SQLException {
                try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                    for (int i = 0; i < parameters.length; i++) {
                        s.setObject(i + 1, parameters[i]);
                    }
                    return s.executeUpdate();
                }
            }

            long count(String sql, String parameter) throws SQLException {
                try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, parameter);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            }

            long millis(String sql, String parameter) throws SQLException {
                try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, parameter);
                    try (ResultSet rs = s.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        return rs.getTimestamp(1).getTime();
                    }
                }
            }

            @Override
            public void close() {
                pool.dispose();
            }
        }
    }
}
