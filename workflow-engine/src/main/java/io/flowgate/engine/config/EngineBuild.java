package io.flowgate.engine.config;

import io.flowgate.engine.WorkflowEngine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The engine being built on its own thread while the rest of the application starts: building it takes seconds of
 * one core (2.5 s of the 6.5 s restart measured on 2 cores, mostly MyBatis reading Camunda's SQL mappings), work the
 * contract registry, the migrations of the other modules and the connectors need not wait for. Whoever needs the
 * engine first waits for it; a failed build fails that caller with the build's own exception, so start-up still
 * stops on it.
 */
public final class EngineBuild implements AutoCloseable {

    private final CompletableFuture<CamundaEngineBuilder.EmbeddedEngine> engine = new CompletableFuture<>();

    private EngineBuild() {
    }

    /** Starts {@code build} on a new thread. */
    public static EngineBuild start(Supplier<CamundaEngineBuilder.EmbeddedEngine> build) {
        EngineBuild started = new EngineBuild();
        Thread thread = new Thread(() -> {
            try {
                started.engine.complete(build.get());
            } catch (Throwable failure) {
                started.engine.completeExceptionally(failure);
            }
        }, "flowgate-engine-build");
        thread.start();
        return started;
    }

    /** The engine, once built. */
    public WorkflowEngine await() {
        return built().workflowEngine();
    }

    private CamundaEngineBuilder.EmbeddedEngine built() {
        try {
            return engine.join();
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
    public void close() {
        CamundaEngineBuilder.EmbeddedEngine built;
        try {
            built = engine.join();
        } catch (CompletionException e) {
            return;
        }
        built.close();
    }
}
