package io.flowgate.connectors.payments;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.payments.sandbox.SandboxPaymentServer;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gateway's bean context starts the sandbox at start-up and wires the payment connectors to it over HTTP. */
class PaymentsWiringIT {

    private static HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:payments-wiring-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    @Test
    void startsTheSandboxByDefaultAndChargesThroughIt() {
        try (HikariDataSource pool = pool();
             ApplicationContext context = ApplicationContext.builder().singletons(pool).start()) {
            SandboxPaymentServer sandbox = context.getBean(SandboxPaymentServer.class);
            ChargePaymentConnector charge = context.getBean(ChargePaymentConnector.class);

            Map<String, Object> outputs = charge.execute(new ConnectorRequest("i-1", "Charge", null, null,
                    Map.of("orderId", "A-1", "amount", 10, "currency", "EUR", "paymentToken", "tok_visa")));

            assertThat(outputs).containsEntry("status", "APPROVED");
            assertThat(sandbox.ledger().paymentsFor("A-1")).hasSize(1);
            assertThat(context.getBean(RefundPaymentConnector.class).descriptor().id()).isEqualTo("payment.refund");
            assertThat(context.getBean(CancelPaymentConnector.class).descriptor().id()).isEqualTo("payment.cancel");
        }
    }

    @Test
    void startsNoSandboxForAnHttpProvider() {
        try (HikariDataSource pool = pool();
             ApplicationContext context = ApplicationContext.builder().singletons(pool)
                     .properties(Map.of("flowgate.payments.provider", "http",
                             "flowgate.payments.url", "http://127.0.0.1:9"))
                     .start()) {
            assertThat(context.containsBean(SandboxPaymentServer.class)).isFalse();
            assertThat(context.getBean(PaymentProvider.class)).isNotNull();
        }
    }

    /** After the default settle delay (2 s): this bare context has no converter for durations, the gateway has. */
    @Test
    void bindsTheWebhookSettingsAndCallsBackWhenAPendingChargeSettles() {
        try (HikariDataSource pool = pool(); WebhookReceiver receiver = WebhookReceiver.start();
             ApplicationContext context = ApplicationContext.builder().singletons(pool)
                     .properties(Map.of("flowgate.payments.sandbox-webhook-url", receiver.uri().toString(),
                             "flowgate.payments.sandbox-webhook-secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                     .start()) {
            ChargePaymentConnector charge = context.getBean(ChargePaymentConnector.class);

            Map<String, Object> outputs = charge.execute(new ConnectorRequest("i-2", "Charge", null, null,
                    Map.of("orderId", "A-2", "amount", 10, "currency", "EUR", "paymentToken", "pending")));

            assertThat(outputs).containsEntry("status", "PENDING");
            assertThat(receiver.awaitCalls("A-2", 1, Duration.ofSeconds(10))).singleElement()
                    .satisfies(call -> assertThat(call.json().path("data").path("paymentId").asText())
                            .isEqualTo(outputs.get("paymentId")));
        }
    }

    @Test
    void refusesToStartWithAWebhookUrlButNoSecret() {
        try (HikariDataSource pool = pool();
             ApplicationContext context = ApplicationContext.builder().singletons(pool)
                     .properties(Map.of("flowgate.payments.sandbox-webhook-url", "http://127.0.0.1:9/hooks"))
                     .build()) {
            assertThatThrownBy(context::start).hasStackTraceContaining("FLOWGATE_PAYMENTS_SANDBOX_WEBHOOK_SECRET");
        }
    }
}
