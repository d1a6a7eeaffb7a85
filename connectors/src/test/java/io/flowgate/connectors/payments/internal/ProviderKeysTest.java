package io.flowgate.connectors.payments.internal;

import io.flowgate.connectors.ConnectorRequest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderKeysTest {

    private static ConnectorRequest request(String instance, String activity) {
        return new ConnectorRequest(instance, activity, null, null, Map.of());
    }

    @Test
    void derivesTheProviderKeyFromTheConnectorAndTheInstanceAndActivity() {
        assertThat(ProviderKeys.of("payment.charge", request("i-1", "Charge")))
                .isEqualTo("payment.charge:i-1:Charge");
    }

    @Test
    void isStableAcrossAttemptsAndDistinctPerConnector() {
        assertThat(ProviderKeys.of("payment.charge", request("i-1", "Charge")))
                .isEqualTo(ProviderKeys.of("payment.charge", request("i-1", "Charge")))
                .isNotEqualTo(ProviderKeys.of("payment.refund", request("i-1", "Charge")))
                .isNotEqualTo(ProviderKeys.of("payment.charge", request("i-2", "Charge")));
    }

    @Test
    void derivesTheKeyOfAnotherTaskOfTheSameInstanceExactlyAsThatTaskDoes() {
        ConnectorRequest cancelling = request("i-1", "Cancel");

        assertThat(ProviderKeys.ofTask("payment.charge", cancelling, "Charge"))
                .isEqualTo(ProviderKeys.of("payment.charge", request("i-1", "Charge")))
                .isEqualTo("payment.charge:i-1:Charge");
        String longActivity = "A".repeat(300);
        assertThat(ProviderKeys.ofTask("payment.charge", cancelling, longActivity))
                .isEqualTo(ProviderKeys.of("payment.charge", request("i-1", longActivity)));
    }

    @Test
    void hashesKeysTooLongForAProviderKeepingThemStable() {
        String longActivity = "A".repeat(300);

        String key = ProviderKeys.of("payment.charge", request("i-1", longActivity));

        assertThat(key).hasSizeLessThanOrEqualTo(ProviderKeys.MAX_LENGTH).startsWith("payment.charge:sha256:")
                .isEqualTo(ProviderKeys.of("payment.charge", request("i-1", longActivity)))
                .isNotEqualTo(ProviderKeys.of("payment.charge", request("i-2", longActivity)));
    }
}
