package io.flowgate.engine.config;

import io.flowgate.connectors.ConnectorRegistry;
import io.flowgate.connectors.events.Outbox;
import io.flowgate.engine.WorkflowEngine;
import io.flowgate.engine.internal.CamundaWorkflowEngine;

import javax.sql.DataSource;
import java.util.Objects;

/**
 * The plain-Java way to build the engine (tests, tools); the Micronaut application uses
 * {@link WorkflowEngineFactory}, which calls this.
 */
public final class CamundaEngineBuilder {

    private CamundaEngineBuilder() {
    }

    /**
     * Builds and starts the engine on the data source: creates or upgrades the Camunda tables (per
     * {@link EngineSettings#databaseSchemaUpdate()}) and the outbox table, and starts the job executor when enabled.
     * Takes several seconds; call once at start-up and {@link EmbeddedEngine#close()} at shutdown.
     *
     * @param dataSource a pooled data source (H2 or PostgreSQL); the engine manages its own transactions on it
     */
    public static EmbeddedEngine build(DataSource dataSource, EngineSettings settings, ConnectorRegistry registry) {
        Objects.requireNonNull(dataSource, "dataSource");
        return build(dataSource, settings, registry, new Outbox(dataSource));
    }

    /**
     * As {@link #build(DataSource, EngineSettings, ConnectorRegistry)} with the application's outbox: the engine
     * writes its events ({@code instance.*}, {@code task.*}, {@code flow.deployed}) there in each command's own
     * transaction, so the outbox must have migrated its table on the same data source first.
     */
    public static EmbeddedEngine build(DataSource dataSource, EngineSettings settings, ConnectorRegistry registry,
                                       Outbox outbox) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(outbox, "outbox");
        return new EmbeddedEngine(CamundaWorkflowEngine.start(dataSource, settings, registry));
    }

    /** A built engine: the {@link WorkflowEngine} to use and the handle to stop it. */
    public static final class EmbeddedEngine implements AutoCloseable {

        private final CamundaWorkflowEngine engine;

        private EmbeddedEngine(CamundaWorkflowEngine engine) {
            this.engine = engine;
        }

        public WorkflowEngine workflowEngine() {
            return engine;
        }

        /** Stops the job executor and the command pool and closes the engine. */
        @Override
        public void close() {
            engine.close();
        }
    }
}
