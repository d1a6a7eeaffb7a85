package io.flowgate.bench.peer;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.lang.management.ManagementFactory;

/**
 * The benchmark's peer: Camunda 7.24.0's own REST API ({@code /engine-rest}) on an engine configured like
 * Flowgate's embedded one (see application.yml and README.md). Everything logs at WARN; the one INFO line is the
 * "ready" line below. With {@code --logging.level.io.flowgate.bench.peer=DEBUG} it also logs the settings the
 * engine actually runs with, to check them against Flowgate's.
 */
@SpringBootApplication
public class PeerApplication {

    private static final Logger LOG = LoggerFactory.getLogger(PeerApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(PeerApplication.class, args);
    }

    /**
     * Logged once the application is ready: the HTTP port is open and the processes are deployed. The starter starts
     * the job executor from another listener of the same event, on the same thread, right before or after this one.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void ready(ApplicationReadyEvent event) {
        ApplicationContext context = event.getApplicationContext();
        Environment env = context.getEnvironment();
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.info("camunda-peer ready on http://{}:{}/engine-rest in {} ms (data dir {})",
                env.getProperty("server.address"), env.getProperty("local.server.port"), sinceJvmStart,
                env.getProperty(PeerDataSource.DATA_DIR_PROPERTY));
        if (LOG.isDebugEnabled()) {
            logEffectiveSettings(context, env);
        }
    }

    private static void logEffectiveSettings(ApplicationContext context, Environment env) {
        var engine = (ProcessEngineConfigurationImpl) context.getBean(ProcessEngine.class)
                .getProcessEngineConfiguration();
        var pool = context.getBean(HikariDataSource.class);
        String jobPool = "?";
        if (engine.getJobExecutor() instanceof SpringJobExecutor spring
                && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor threads) {
            jobPool = "core " + threads.getCorePoolSize() + ", max " + threads.getMaxPoolSize() + ", queue "
                    + threads.getQueueCapacity();
        }
        // the starter leaves jobExecutorActivate false and starts the job executor itself once the context is ready
        LOG.debug("engine '{}': history {}, historyTimeToLive {}, idGenerator {}, databaseSchemaUpdate {}, "
                        + "job executor enabled {} ({}; maxWait {} ms, deploymentAware {}), metrics {}/{}, cmmn {}, "
                        + "dmn {}, authorization {}, serialization {} (java {}), deserializationTypeValidation {}, "
                        + "xxe {}, exceptionsAfterUnhandledBpmnError {}",
                engine.getProcessEngineName(), engine.getHistory(), engine.getHistoryTimeToLive(),
                engine.getIdGenerator().getClass().getSimpleName(), engine.getDatabaseSchemaUpdate(),
                env.getProperty("camunda.bpm.job-execution.enabled"), jobPool, engine.getJobExecutor().getMaxWait(),
                engine.isJobExecutorDeploymentAware(), engine.isMetricsEnabled(),
                engine.isDbMetricsReporterActivate(), engine.isCmmnEnabled(), engine.isDmnEnabled(),
                engine.isAuthorizationEnabled(), engine.getDefaultSerializationFormat(),
                engine.isJavaSerializationFormatEnabled(), engine.isDeserializationTypeValidationEnabled(),
                engine.isEnableXxeProcessing(), engine.isEnableExceptionsAfterUnhandledBpmnError());
        LOG.debug("pool '{}': {} (max {}, autoCommit {}); http threads max {}", pool.getPoolName(),
                pool.getJdbcUrl(), pool.getMaximumPoolSize(), pool.isAutoCommit(),
                env.getProperty("server.tomcat.threads.max"));
    }
}
