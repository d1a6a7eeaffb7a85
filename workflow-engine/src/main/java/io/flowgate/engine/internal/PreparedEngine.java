package io.flowgate.engine.internal;

import io.flowgate.connectors.ConnectorRegistry;
import io.flowgate.engine.config.EngineSettings;
import io.flowgate.engine.config.NodeIdentity;
import io.flowgate.engine.config.NodeSettings;
import io.flowgate.engine.deploy.FlowChecker;
import io.flowgate.engine.internal.nodes.NodeMembership;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Camunda engine built on its data source, its tables created or upgraded, but not running anything yet: no
 * connectors bound and the job executor off. Building is the slow part of start-up (MyBatis reading Camunda's SQL
 * mappings) and needs only the data source, so it can start before the connectors exist; {@link #start} then binds
 * them and lets the engine run. No flow is parsed before that (parsing happens on deploy or on a definition's first
 * use, both through the started engine), so nothing can see the connectors missing.
 *
 * <p>Starting also makes the engine a node among those sharing the database ({@link NodeMembership}): it joins
 * before its job executor runs, so jobs left locked by dead nodes are released and deadlines held back by a downtime
 * are postponed before any job or timer runs here.
 */
public final class PreparedEngine implements AutoCloseable {

    private final DataSource dataSource;
    private final EngineSettings settings;
    private final NodeSettings nodeSettings;
    private final NodeIdentity node;
    private final AtomicReference<ConnectorRegistry> connectors = new AtomicReference<>();
    private final VariableCodec codec = new VariableCodec();
    private final StartTickets tickets;
    private final SettleSignals signals = new SettleSignals();
    private final BusinessKeys keys;
    private final ProcessEngine engine;

    private PreparedEngine(DataSource dataSource, EngineSettings settings, NodeSettings nodeSettings,
                           NodeIdentity node) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.nodeSettings = nodeSettings;
        this.node = node;
        this.tickets = new StartTickets(settings.failedStartRetention());
        this.keys = new BusinessKeys(dataSource);
        this.engine = CamundaConfigurator.build(dataSource, settings, nodeSettings, node, this::connectors, tickets,
                signals, codec, keys);
    }

    /**
     * Builds the Camunda engine on the data source (creating or upgrading its tables); takes seconds. The node gets
     * a new identity and the default heartbeat settings.
     */
    public static PreparedEngine prepare(DataSource dataSource, EngineSettings settings) {
        return prepare(dataSource, settings, NodeSettings.defaults(), NodeIdentity.create());
    }

    /** As {@link #prepare(DataSource, EngineSettings)}, as the given node with these heartbeat settings. */
    public static PreparedEngine prepare(DataSource dataSource, EngineSettings settings, NodeSettings nodeSettings,
                                         NodeIdentity node) {
        return new PreparedEngine(Objects.requireNonNull(dataSource, "dataSource"),
                Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(nodeSettings, "nodeSettings"),
                Objects.requireNonNull(node, "node"));
    }

    /** Binds the connectors, wraps the engine and starts its job executor (when enabled). Call once. */
    public CamundaWorkflowEngine start(ConnectorRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        if (!connectors.compareAndSet(null, registry)) {
            throw new IllegalStateException("the engine was started already");
        }
        InstanceReader reader = new InstanceReader(engine, codec, tickets);
        CommandRunner runner = new CommandRunner(settings.name(), settings.commandThreads(),
                settings.commandQueueSize());
        PendingMessages pending = new PendingMessages(dataSource, engine, codec, Clock.systemUTC());
        JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getJobExecutor();
        NodeMembership membership = NodeMembership.open(dataSource, node, nodeSettings, Clock.systemUTC());
        CamundaWorkflowEngine started = new CamundaWorkflowEngine(new EngineContext(engine, codec, tickets, runner,
                reader, new Settler(reader, signals),
                new FlowChecker(registry.ids(), registry.unavailable(), settings.timerFloor()),
                new LatestDefinitions(engine.getRepositoryService()), keys), pending, membership);
        try {
            membership.join(jobExecutor::jobWasAdded);
        } catch (RuntimeException e) {
            pending.close();
            runner.close();
            membership.close();
            throw e;
        }
        pending.start();
        if (settings.jobExecutorEnabled()) {
            jobExecutor.start();
        }
        return started;
    }

    /** Whether the job executor runs (for tests). */
    boolean jobExecutorActive() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().isActive();
    }

    private ConnectorRegistry connectors() {
        ConnectorRegistry registry = connectors.get();
        if (registry == null) {
            throw new IllegalStateException("a flow was parsed before the engine's connectors were bound");
        }
        return registry;
    }

    /** Closes an engine that was never started (a started one is closed through {@link CamundaWorkflowEngine}). */
    @Override
    public void close() {
        engine.close();
    }
}
