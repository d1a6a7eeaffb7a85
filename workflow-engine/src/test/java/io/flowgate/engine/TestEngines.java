package io.flowgate.engine;

import io.flowgate.engine.config.CamundaEngineBuilder;
import io.flowgate.engine.config.EngineSettings;
import io.flowgate.engine.internal.CamundaWorkflowEngine;
import org.h2.jdbcx.JdbcConnectionPool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * Engines for tests on H2. Building one takes seconds, so most test classes share one in-memory engine and keep
 * apart by unique flow keys and business keys.
 */
public final class TestEngines {

    private static CamundaEngineBuilder.EmbeddedEngine shared;

    private TestEngines() {
    }

    /** The shared engine, built on first use and closed when the JVM exits. */
    public static synchronized CamundaWorkflowEngine shared() {
        if (shared == null) {
            shared = build(memoryPool(10), EngineSettings.defaults().withName("shared-" + UUID.randomUUID()));
            CamundaEngineBuilder.EmbeddedEngine engine = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
        }
        return (CamundaWorkflowEngine) shared.workflowEngine();
    }

    public static CamundaEngineBuilder.EmbeddedEngine build(JdbcConnectionPool pool, EngineSettings settings) {
        return CamundaEngineBuilder.build(pool, settings, TestConnectors.registry());
    }

    public static JdbcConnectionPool memoryPool(int connections) {
        return pool("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", connections);
    }

    public static JdbcConnectionPool pool(String url, int connections) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(connections);
        return pool;
    }

    /** A fixture from src/test/resources/io/flowgate/engine. */
    public static byte[] fixture(String name) {
        try (InputStream in = TestEngines.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deploys a fixture on the shared engine (identical content is deployed once). */
    public static CamundaWorkflowEngine withFixture(String name) {
        CamundaWorkflowEngine engine = shared();
        engine.deploy(name, fixture(name));
        return engine;
    }

    public static String uniqueKey() {
        return UUID.randomUUID().toString();
    }
}
