package io.flowgate.connectors.orders;

import io.flowgate.connectors.testsupport.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.connectors.Connector;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's bean context can build every order connector from nothing but its DataSource. */
class OrderWiringTest {

    @Test
    void buildsEveryConnectorFromTheApplicationsDataSource() {
        List<Class<? extends Connector>> connectors = List.of(OrderCreateConnector.class,
                OrderTransitionConnector.class, OrderGetConnector.class);
        try (HikariDataSource pool = TestDatabase.pool(4);
             ApplicationContext context = ApplicationContext.builder().singletons(pool).start()) {
            assertThat(connectors.stream().map(type -> context.getBean(type).descriptor().id()))
                    .containsExactly("order.create", "order.transition", "order.get");
        }
    }
}
