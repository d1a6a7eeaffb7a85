package io.flowgate.gateway;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewaySettingsTest {

    @Test
    void theEmbeddedH2WritesEveryCommitToItsFileBeforeTheCommitReturns() {
        GatewaySettings settings = new GatewaySettings();
        settings.validate();

        // H2's default WRITE_DELAY (500 ms, from a background thread) loses answered commits on kill -9
        assertThat(settings.jdbcUrl()).startsWith("jdbc:h2:file:").endsWith(";WRITE_DELAY=0");
    }

    @Test
    void aCrashLossWindowIsOptInAndBecomesH2sWriteDelay() {
        GatewaySettings settings = new GatewaySettings();
        settings.setH2CrashLossWindow(Duration.ofMillis(500));
        settings.validate();

        assertThat(settings.jdbcUrl()).endsWith(";WRITE_DELAY=500");
    }

    @Test
    void refusesANegativeOrVeryLongCrashLossWindow() {
        GatewaySettings settings = new GatewaySettings();
        settings.setH2CrashLossWindow(Duration.ofMillis(-1));
        assertThatThrownBy(settings::validate).hasMessageContaining("FLOWGATE_H2_CRASH_LOSS_WINDOW");

        settings.setH2CrashLossWindow(Duration.ofMinutes(1));
        assertThatThrownBy(settings::validate).hasMessageContaining("FLOWGATE_H2_CRASH_LOSS_WINDOW")
                .hasMessageContaining("10000ms");
    }

    @Test
    void refusesACrashLossWindowForAnExternalDatabase() {
        GatewaySettings settings = new GatewaySettings();
        settings.setDbUrl("jdbc:postgresql://db:5432/flowgate");
        settings.setH2CrashLossWindow(Duration.ofMillis(200));

        assertThatThrownBy(settings::validate).hasMessageContaining("FLOWGATE_H2_CRASH_LOSS_WINDOW")
                .hasMessageContaining("FLOWGATE_DB_URL");
    }

    @Test
    void anExternalDatabaseUrlIsUsedAsGiven() {
        GatewaySettings settings = new GatewaySettings();
        settings.setDbUrl("jdbc:postgresql://db:5432/flowgate");
        settings.validate();

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/flowgate");
    }
}
