package io.flowgate.connectors.inventory;

import io.flowgate.connectors.testsupport.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.connectors.Connector;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gateway's bean context can build every inventory connector from nothing but its DataSource. */
class InventoryWiringTest {

    private static final List<Class<? extends Connector>> CONNECTORS = List.of(InventoryReserveConnector.class,
            InventoryConfirmConnector.class, InventoryReleaseConnector.class, InventoryTransferConnector.class,
            InventoryAdjustConnector.class, InventoryStockConnector.class);

    @Test
    void buildsEveryConnectorFromTheApplicationsDataSourceAndSettings() {
        try (HikariDataSource pool = TestDatabase.pool(4);
             ApplicationContext context = ApplicationContext.builder().singletons(pool)
                     // Duration values: text such as "2m" is converted by micronaut-context, which only the
                     // gateway has on its class path
                     .properties(Map.of("flowgate.inventory.default-ttl", Duration.ofMinutes(2),
                             "flowgate.inventory.sweep-interval", Duration.ofMillis(250))).start()) {
            assertThat(CONNECTORS.stream().map(type -> context.getBean(type).descriptor().id()))
                    .containsExactly("inventory.reserve", "inventory.confirm", "inventory.release",
                            "inventory.transfer", "inventory.adjust", "inventory.stock");
            InventorySettings settings = context.getBean(InventorySettings.class);
            assertThat(settings.getDefaultTtl()).isEqualTo(Duration.ofMinutes(2));
            assertThat(settings.getSweepInterval()).isEqualTo(Duration.ofMillis(250));
        }
    }

    @Test
    void refusesASettingOutOfRangeWithItsName() {
        InventorySettings settings = new InventorySettings();
        settings.setDefaultTtl(Duration.ofDays(2));

        assertThatThrownBy(settings::validate).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flowgate.inventory.default-ttl");
    }

    @Test
    void refusesANegativeLowStockThreshold() {
        InventorySettings settings = new InventorySettings();
        settings.setLowStockThreshold(-1);

        assertThatThrownBy(settings::validate).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("flowgate.inventory.low-stock-threshold");
    }
}
