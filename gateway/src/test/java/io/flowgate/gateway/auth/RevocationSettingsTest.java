package io.flowgate.gateway.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The revocation refresh: half a second by default, and never slow enough to break "within a second". */
class RevocationSettingsTest {

    @Test
    void refreshesTwiceASecondByDefault() {
        assertThat(RevocationSettings.defaults().refresh()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void refusesARefreshThatWouldBreakThePromiseNamingTheVariable() {
        assertThatThrownBy(() -> new RevocationSettings(Duration.ofSeconds(2)))
                .hasMessageContaining("FLOWGATE_REVOCATION_REFRESH").hasMessageContaining("1s");
        assertThatThrownBy(() -> new RevocationSettings(Duration.ofMillis(10)))
                .hasMessageContaining("50ms");
    }
}
