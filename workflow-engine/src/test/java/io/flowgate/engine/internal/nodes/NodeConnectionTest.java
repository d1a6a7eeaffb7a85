package io.flowgate.engine.internal.nodes;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NodeConnectionTest {

    @Test
    void onlyAnEmbeddedH2FileIsOpenToThisProcessAlone() {
        assertThat(NodeConnection.exclusiveH2("jdbc:h2:file:/data/flowgate;DB_CLOSE_ON_EXIT=FALSE")).isTrue();
        assertThat(NodeConnection.exclusiveH2("jdbc:h2:./data/flowgate")).isTrue();
        assertThat(NodeConnection.exclusiveH2("jdbc:h2:file:/data/flowgate;AUTO_SERVER=TRUE")).isFalse();
        assertThat(NodeConnection.exclusiveH2("jdbc:h2:tcp://db:9092/flowgate")).isFalse();
        assertThat(NodeConnection.exclusiveH2("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isFalse();
        assertThat(NodeConnection.exclusiveH2("jdbc:postgresql://db:5432/flowgate")).isFalse();
    }
}
