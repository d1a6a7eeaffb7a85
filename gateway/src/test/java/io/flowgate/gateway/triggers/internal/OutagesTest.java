package io.flowgate.gateway.triggers.internal;

import io.flowgate.engine.FlowFailed;
import io.flowgate.engine.NoMatchingInstance;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class OutagesTest {

    @Test
    void anUnreachableDatabaseIsAnOutageNotAPoisonRecord() {
        assertThat(Outages.isOutage(new FlowFailed("pool", null, null,
                new IllegalStateException(new SQLTransientConnectionException("pool timed out"))))).isTrue();
        assertThat(Outages.isOutage(new FlowFailed("pg", null, null,
                new SQLException("connection refused", "08001")))).isTrue();
    }

    @Test
    void aFlowRefusingTheRecordIsNoOutage() {
        assertThat(Outages.isOutage(new NoMatchingInstance("nobody waits"))).isFalse();
        assertThat(Outages.isOutage(new FlowFailed("duplicate", null, null,
                new SQLException("unique violation", "23505")))).isFalse();
    }
}
