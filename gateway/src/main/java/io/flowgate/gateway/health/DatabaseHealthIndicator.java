package io.flowgate.gateway.health;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** {@code /health} is DOWN when the database (engine, contracts, everything) cannot be reached. */
@Singleton
public class DatabaseHealthIndicator implements HealthIndicator {

    private static final int TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final ExecutorService blocking;

    public DatabaseHealthIndicator(DataSource dataSource, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.dataSource = dataSource;
        this.blocking = blocking;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        // JDBC blocks: keep it off the event loop
        return Publishers.fromCompletableFuture(CompletableFuture.supplyAsync(this::check, blocking));
    }

    private HealthResult check() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(TIMEOUT_SECONDS);
            return HealthResult.builder("database", valid ? HealthStatus.UP : HealthStatus.DOWN)
                    .details(Map.of("product", connection.getMetaData().getDatabaseProductName()))
                    .build();
        } catch (Exception e) {
            return HealthResult.builder("database", HealthStatus.DOWN).details(Map.of("error", e.getMessage()))
                    .build();
        }
    }
}
