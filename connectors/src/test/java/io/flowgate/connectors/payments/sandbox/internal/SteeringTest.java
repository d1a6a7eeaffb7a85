package io.flowgate.connectors.payments.sandbox.internal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class SteeringTest {

    @Test
    void steersByTokenWhateverTheCase() {
        assertThat(Steering.of("decline", BigDecimal.TEN)).isEqualTo(Steering.DECLINE);
        assertThat(Steering.of("Pending", BigDecimal.TEN)).isEqualTo(Steering.PENDING);
        assertThat(Steering.of("pending-decline", BigDecimal.TEN)).isEqualTo(Steering.PENDING_DECLINE);
        assertThat(Steering.of("PENDING-MANUAL", BigDecimal.TEN)).isEqualTo(Steering.PENDING_MANUAL);
        assertThat(Steering.of("SLOW", BigDecimal.TEN)).isEqualTo(Steering.SLOW);
        assertThat(Steering.of("timeout", BigDecimal.TEN)).isEqualTo(Steering.TIMEOUT);
        assertThat(Steering.of("timeout-once", BigDecimal.TEN)).isEqualTo(Steering.TIMEOUT_ONCE);
        assertThat(Steering.of("timeout-captured", BigDecimal.TEN)).isEqualTo(Steering.TIMEOUT_CAPTURED);
        assertThat(Steering.of("error", BigDecimal.TEN)).isEqualTo(Steering.ERROR);
    }

    @Test
    void declinesAmountsWhoseCentsAre13AndApprovesTheRest() {
        assertThat(Steering.of("tok_visa", new BigDecimal("0.13"))).isEqualTo(Steering.DECLINE);
        assertThat(Steering.of("tok_visa", new BigDecimal("1999.13"))).isEqualTo(Steering.DECLINE);
        assertThat(Steering.of("tok_visa", new BigDecimal("13.00"))).isEqualTo(Steering.APPROVE);
        assertThat(Steering.of("tok_visa", new BigDecimal("0.31"))).isEqualTo(Steering.APPROVE);
        assertThat(Steering.of("tok_visa", new BigDecimal("1.1"))).isEqualTo(Steering.APPROVE);
    }
}
