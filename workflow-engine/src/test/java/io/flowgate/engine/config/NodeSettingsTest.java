package io.flowgate.engine.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeSettingsTest {

    @Test
    void fillsEveryDefault() {
        NodeSettings settings = NodeSettings.defaults();

        assertThat(settings.heartbeatInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.jobLockTime()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.lockRenewalInterval()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void refusesATimeoutThatOneLateHeartbeatCouldReach() {
        assertThatThrownBy(() -> new NodeSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), null))
                .hasMessageContaining("flowgate.nodes.timeout (FLOWGATE_NODE_TIMEOUT)")
                .hasMessageContaining("at least three heartbeat intervals (PT6S")
                .hasMessageContaining("was PT5S");
    }

    @Test
    void refusesHeartbeatsAndLockTimesOutOfRange() {
        assertThatThrownBy(() -> new NodeSettings(Duration.ofMillis(10), null, null))
                .hasMessageContaining("FLOWGATE_NODE_HEARTBEAT_INTERVAL");
        assertThatThrownBy(() -> new NodeSettings(null, null, Duration.ofSeconds(2)))
                .hasMessageContaining("FLOWGATE_JOB_LOCK_TIME");
        assertThatThrownBy(() -> new NodeSettings(Duration.ofSeconds(5), Duration.ofSeconds(15),
                Duration.ofSeconds(10))).as("locks renewed by the heartbeat need four heartbeats per lock time")
                .hasMessageContaining("at least four heartbeat intervals (PT20S");
    }

    @Test
    void aNodeIdNamesTheHostAndProcessAndIsNeverReused() {
        NodeIdentity first = NodeIdentity.create();
        NodeIdentity second = NodeIdentity.create();

        assertThat(first.id()).startsWith(first.host() + "/" + ProcessHandle.current().pid() + "/")
                .matches(".+/\\d+/[0-9a-f]{8}");
        assertThat(second.id()).isNotEqualTo(first.id());
    }
}
