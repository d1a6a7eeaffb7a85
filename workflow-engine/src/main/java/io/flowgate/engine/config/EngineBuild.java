package io.flowgate.engine.config;

import io.flowgate.connectors.ConnectorRegistry;
import io.flowgate.connectors.events.Outbox;
import io.flowgate.engine.WorkflowEngine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The engine being built on its own thread while the rest of the application starts: building it takes seconds of
 * one core (2.5 s of the 6.5 s restart measured on 2 cores, mostly MyBatis reading Camunda's SQL mappings) and needs
 * only the data source, so the migrations of the other modules, the connectors and the contract registry are made
 * meanwhile. Whoever needs the engine first waits for it and starts it with the connectors; a failed build fails
 * that caller with the build's own exception, so start-up still stops on it.
 */
public final class EngineBuild implements AutoCloseable {

    private final CompletableFuture<CamundaEngineBuilder.Prepared> prepared = new CompletableFuture<>();
    private CamundaEngineBuilder.EmbeddedEngine started;

    private EngineBuild() {
    }

    /** Starts {@code build} on a new thread. */
    public static EngineBuild start(Supplier<CamundaEngineBuilder.Prepared> build) {
        EngineBuild building = new EngineBuild();
        Thread thread = new Thread(() -> {
            try {
                building.prepared.complete(build.get());
            } catch (Throwable failure) {
                building.prepared.completeExceptionally(failure);
            }
        }, "flowgate-engine-build");
        thread.start();
        return building;
    }

    /** Waits for the build, then starts the engine with these connectors (the first call) and returns it. */
    public synchronized WorkflowEngine await(ConnectorRegistry registry, Outbox outbox) {
        if (started == null) {
            started = built().start(registry, outbox);
        }
        return started.workflowEngine();
    }

    private CamundaEngineBuilder.Prepared built() {
        try {
            return prepared.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Waits for a build still running, then closes the engine it built (nothing when the build failed). */
    @Override
    public synchronized void close() {
        CamundaEngineBuilder.Prepared built;
        try {
            built = prepared.join();
        } catch (CompletionException e) {
            return;
        }
        if (started != null) {
            started.close();
        } else {
            built.close();
        }
    }
}
