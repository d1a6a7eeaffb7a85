package io.flowgate.engine.internal;

import io.flowgate.connectors.ConnectorRegistry;
import io.flowgate.engine.config.EngineSettings;
import io.flowgate.engine.config.NodeIdentity;
import io.flowgate.engine.config.NodeSettings;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Builds the Camunda engine with Flowgate's safety settings. Everything Camunda-specific about start-up is here. */
final class CamundaConfigurator {

    private static final long IDLE_JOB_POLL_MILLIS = 5_000;

    private CamundaConfigurator() {
    }

    /**
     * Builds the engine with its job executor off ({@link PreparedEngine#start} starts it once the connectors are
     * bound); {@code connectors} is asked for the registry when a flow is parsed.
     */
    static ProcessEngine build(DataSource dataSource, EngineSettings settings, NodeSettings nodes, NodeIdentity node,
                               Supplier<ConnectorRegistry> connectors, StartTickets tickets, SettleSignals signals,
                               VariableCodec codec, BusinessKeys keys) {
        var configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName(settings.name());
        configuration.setDataSource(dataSource);
        configuration.setTransactionsExternallyManaged(false);
        configuration.setDatabaseSchemaUpdate(settings.databaseSchemaUpdate());
        configuration.setHistory(settings.history());
        configuration.setHistoryTimeToLive(settings.historyTimeToLive());
        // history is cleaned up by end time + time to live, so ending an instance writes nothing more; Camunda's
        // default (removal time) updates 13 history tables per ended instance (7 % of a straight-through profile)
        configuration.setHistoryCleanupStrategy("endTimeBased");
        configuration.setHistoryRemovalTimeStrategy("none");
        // the cleanup job is scheduled (once per cluster) at the window's start each day and runs until its end
        settings.historyCleanupTimes().ifPresent(times -> {
            configuration.setHistoryCleanupBatchWindowStartTime(times[0]);
            configuration.setHistoryCleanupBatchWindowEndTime(times[1]);
        });
        // the default DbIdGenerator takes a second connection for id blocks and deadlocks a small pool under load
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setJobExecutorActivate(false);
        configuration.setJobExecutor(jobExecutor(settings, nodes, node));
        configuration.setHostname(node.id());
        configuration.setMetricsEnabled(false);
        configuration.setDbMetricsReporterActivate(false);
        configuration.setCmmnEnabled(false);
        configuration.setDmnEnabled(false);
        secure(configuration, tickets);
        // Camunda appends to these lists during init, so they must be mutable
        configuration.setCustomPostBPMNParseListeners(new ArrayList<>(List.of(
                new ConnectorParseListener(connectors, codec), new LifecycleParseListener(tickets, signals, keys),
                new EventParseListener())));
        events(configuration);
        return configuration.buildProcessEngine();
    }

    /**
     * The hooks that write engine events to the outbox in the command's own transaction: listeners added at parse
     * time ({@link EventParseListener}), the incident handlers ({@link IncidentEvents}) and a deployer that runs
     * after Camunda's ({@link DeployEvents}). The outbox table must exist before the engine runs.
     */
    private static void events(StandaloneProcessEngineConfiguration configuration) {
        configuration.setCustomIncidentHandlers(new ArrayList<>(IncidentEvents.handlers()));
        configuration.setCustomPostDeployers(new ArrayList<>(List.of(new DeployEvents())));
    }

    private static void secure(StandaloneProcessEngineConfiguration configuration, StartTickets tickets) {
        configuration.setExpressionManager(new RestrictedExpressionManager());
        configuration.setScriptEngineResolver(new NoScriptEngines());
        configuration.setEnableXxeProcessing(false);
        configuration.setProcessEnginePlugins(new ArrayList<>(List.of(new SpinProcessEnginePlugin())));
        configuration.setDefaultSerializationFormat(VariableCodec.JSON);
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setDeserializationTypeValidationEnabled(true);
        configuration.setDeserializationTypeValidator(new CollectionTypesOnly());
        // an uncaught BPMN error ends the path like an end event; FlowErrors turns that into state ERROR
        configuration.setEnableExceptionsAfterUnhandledBpmnError(false);
        configuration.setTenantIdProvider(new StartTenantIdProvider(tickets));
    }

    private static DefaultJobExecutor jobExecutor(EngineSettings settings, NodeSettings nodes, NodeIdentity node) {
        var executor = new DefaultJobExecutor();
        // the lock owner is the node id, so the locks of a node that stopped heartbeating can be found and released
        // (NodeMembership); the lock time is short because a live node renews the locks of the jobs it still runs
        executor.setLockOwner(node.id());
        executor.setLockTimeInMillis(Math.toIntExact(nodes.jobLockTime().toMillis()));
        executor.setCorePoolSize(settings.jobExecutorCorePoolSize());
        executor.setMaxPoolSize(settings.jobExecutorMaxPoolSize());
        executor.setQueueSize(settings.jobExecutorQueueSize());
        // jobs created on other nodes (or retried by an operator) are found within this even when idle
        executor.setMaxWait(IDLE_JOB_POLL_MILLIS);
        return executor;
    }
}
