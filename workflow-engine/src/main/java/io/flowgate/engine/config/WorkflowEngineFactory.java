package io.flowgate.engine.config;

import io.flowgate.connectors.ConnectorRegistry;
import io.flowgate.connectors.events.Outbox;
import io.flowgate.engine.WorkflowEngine;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

/**
 * Micronaut wiring: starts building the engine eagerly at start-up ({@link Context}), because building it takes
 * seconds and a lazy bean would make the first request time out, and on its own thread ({@link EngineBuild}), so the
 * rest of the application starts meanwhile; closes it at shutdown.
 */
@Factory
public class WorkflowEngineFactory {

    /**
     * The engine's build; needs a {@link DataSource} bean (the gateway's pool), the connector registry and the
     * outbox, whose table is migrated before the engine writes its first event.
     */
    @Context
    @Bean(preDestroy = "close")
    public EngineBuild engineBuild(DataSource dataSource, EngineSettings settings, ConnectorRegistry registry,
                                   Outbox outbox) {
        return EngineBuild.start(() -> CamundaEngineBuilder.build(dataSource, settings, registry, outbox));
    }

    /** What the gateway injects: waits for the build. */
    @Singleton
    public WorkflowEngine workflowEngine(EngineBuild build) {
        return build.await();
    }
}
