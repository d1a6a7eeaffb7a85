package io.flowgate.gateway.events.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventPatternsTest {

    @ParameterizedTest(name = "{0} takes {1}: {2}")
    @CsvSource({
            "*,                  order.paid,         true",
            "order.*,            order.paid,         true",
            "order.*,            order.cancelled,    true",
            "order.*,            instance.completed, false",
            "instance.completed, instance.completed, true",
            "instance.completed, instance.failed,    false",
            "task.*,             tasks.created,      false",
    })
    void matchesExactTypesFamiliesAndEverything(String pattern, String type, boolean expected) {
        assertThat(EventPatterns.matches(List.of(pattern), type)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"*", "order.*", "stock.low", "contract.published", "flow.*"})
    void acceptsKnownTypesAndFamilies(String pattern) {
        assertThat(EventPatterns.problem(pattern)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource({"order.shipped, not an event type", "orders.*, names no event family", "order, not an event type",
            "*.paid, not an event type", "'', not an event type", "order.**, not an event type"})
    void refusesPatternsNamingNoEvent(String pattern, String reason) {
        assertThat(EventPatterns.problem(pattern)).get().asString().contains(reason);
    }
}
