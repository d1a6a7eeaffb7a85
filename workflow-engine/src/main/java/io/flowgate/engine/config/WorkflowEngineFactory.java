package io.flowgate.engine.config;

import io.flowgate.connectors.ConnectorRegistry;
import io.flowgate.connectors.events.Outbox;
import io.flowgate.engine.WorkflowEngine;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Micronaut wiring: starts building the engine eagerly at start-up ({@link Context}), because building it takes
 * seconds and a lazy bean would make the first request time out, before any other eager bean ({@link Order}) and on
 * its own thread ({@link EngineBuild}), so the rest of the application starts meanwhile; closes it at shutdown.
 */
@Factory
public class WorkflowEngineFactory {

    /** Who this node is for the life of the process: the job lock owner, its row in {@code cluster_nodes}. */
    @Singleton
    public NodeIdentity nodeIdentity() {
        return NodeIdentity.create();
    }

    /** Whether another node is gone, for what it left behind (e.g. an idempotency key it reserved). */
    @Singleton
    public NodeLiveness nodeLiveness(DataSource dataSource, NodeSettings nodeSettings, NodeIdentity node) {
        return new NodeLiveness(dataSource, node, nodeSettings.timeout(), Clock.systemUTC());
    }

    /** The engine's build; needs only a {@link DataSource} bean (the gateway's pool). */
    @Context
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @Bean(preDestroy = "close")
    public EngineBuild engineBuild(DataSource dataSource, EngineSettings settings, NodeSettings nodeSettings,
                                   NodeIdentity node) {
        return EngineBuild.start(() -> CamundaEngineBuilder.prepare(dataSource, settings, nodeSettings, node));
    }

    /**
     * What the gateway injects: waits for the build and starts the engine with the connector registry and the
     * outbox, whose table is migrated before the engine writes its first event.
     */
    @Singleton
    public WorkflowEngine workflowEngine(EngineBuild build, ConnectorRegistry registry, Outbox outbox) {
        return build.await(registry, outbox);
    }
}
