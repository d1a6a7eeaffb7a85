package io.flowgate.gateway.pipeline;

import io.flowgate.gateway.GatewayServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No endpoint can be added without saying who may call it: the gateway does not start with one. */
class StartupRefusesUnscopedRoutesIT {

    static final String PROPERTY = "flowgate.test.unscoped-route";

    @Test
    void aControllerRouteWithoutRequiredScopeStopsTheStartNamingTheRoute() {
        assertThatThrownBy(() -> GatewayServer.start(Map.of(PROPERTY, true, "flowgate.example", false)).close())
                .hasStackTraceContaining("GET /unscoped/report")
                .hasStackTraceContaining(UnscopedController.class.getName() + ".report")
                .hasStackTraceContaining("@RequiredScope");
    }
}
