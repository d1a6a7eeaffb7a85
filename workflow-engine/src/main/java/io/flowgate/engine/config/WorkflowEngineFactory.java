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
 * Micronaut wiring: builds the engine eagerly at start-up ({@link Context}) because building it takes seconds and
 * a lazy bean would make the first request time out; closes it at shutdown.
 */
@Factory
public class WorkflowEngineFactory {

    /**
     * The running engine; needs a {@link DataSource} bean (the gateway's pool), the connector registry and the
     * outbox, whose table is migrated before the engine writes its first event.
     */
    @Context
    @Bean(preDestroy = "close")
    public CamundaEngineBuilder.EmbeddedEngine embeddedEngine(DataSource dataSource, EngineSettings settings,
                                                             ConnectorRegistry registry, Outbox outbox) {
        return CamundaEngineBuilder.build(dataSource, settings, registry, outbox);
    }

    /** What the gateway injects. */
    @Singleton
    public WorkflowEngine workflowEngine(CamundaEngineBuilder.EmbeddedEngine engine) {
        return engine.workflowEngine();
    }
}
