package io.flowgate.gateway.health;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Map;

/** Test-only: a part that reports DOWN, when {@code flowgate.test.health-down} is set. */
@Singleton
@Requires(property = "flowgate.test.health-down", value = "true")
public class DownForTests implements HealthIndicator {

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("down-for-tests", HealthStatus.DOWN)
                .details(Map.of("reason", "switched off by the test")).build());
    }
}
