package io.flowgate.engine.config;

import io.flowgate.connectors.ConnectorRegistry;
import io.flowgate.connectors.events.Outbox;
import io.flowgate.engine.WorkflowEngine;
import io.flowgate.engine.internal.CamundaWorkflowEngine;
import io.flowgate.engine.internal.PreparedEngine;

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
        return prepare(dataSource, settings).start(registry, outbox);
    }

    /**
     * The slow half of {@link #build}: the Camunda engine and its tables, which need only the data source, so the
     * connectors and the outbox can be made meanwhile; {@link Prepared#start} binds them and lets the engine run.
     */
    public static Prepared prepare(DataSource dataSource, EngineSettings settings) {
        return new Prepared(PreparedEngine.prepare(dataSource, settings));
    }

    /**
     * As {@link #prepare(DataSource, EngineSettings)} for the node {@code node}: its id is the lock owner of the jobs
     * its job executor runs and its row among the nodes heartbeating on the database ({@link NodeSettings}).
     */
    public static Prepared prepare(DataSource dataSource, EngineSettings settings, NodeSettings nodeSettings,
                                   NodeIdentity node) {
        return new Prepared(PreparedEngine.prepare(dataSource, settings, nodeSettings, node));
    }

    /** A built engine that runs nothing yet; {@link #start} it once, or {@link #close()} it. */
    public static final class Prepared implements AutoCloseable {

        private final PreparedEngine engine;

        private Prepared(PreparedEngine engine) {
            this.engine = engine;
        }

        /**
         * Binds the connectors and starts the engine: joins the nodes of the database (which may wait up to the node
         * timeout to tell whether the nodes that heartbeated last are alive), then starts its job executor when
         * enabled.
         *
         * @param outbox where the engine writes its events; asked for to make sure its table was migrated first
         */
        public EmbeddedEngine start(ConnectorRegistry registry, Outbox outbox) {
            Objects.requireNonNull(outbox, "outbox");
            return new EmbeddedEngine(engine.start(registry));
        }

        /** Closes the engine without ever starting it. */
        @Override
        public void close() {
            engine.close();
        }
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
