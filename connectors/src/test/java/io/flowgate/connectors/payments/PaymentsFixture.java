package io.flowgate.connectors.payments;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.connectors.ConnectorRequest;
import io.flowgate.connectors.payments.internal.HttpPaymentProvider;
import io.flowgate.connectors.payments.internal.PaymentRefs;
import io.flowgate.connectors.payments.sandbox.SandboxPaymentServer;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A sandbox on an ephemeral loopback port over a fresh in-memory H2 database, and a provider calling it over HTTP
 * with short timeouts (read 1 s; the sandbox's 'slow' answers after 200 ms, 'timeout' after 2 s).
 */
final class PaymentsFixture implements AutoCloseable {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

    final HikariDataSource dataSource;
    final SandboxPaymentServer sandbox;
    final HttpPaymentProvider provider;
    /** Flowgate's own record of payments, on the same database. */
    final PaymentRefs refs;

    PaymentsFixture() {
        this(settings());
    }

    /** With other settings, e.g. {@link #settings()} plus a webhook URL. */
    PaymentsFixture(PaymentSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:payments-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setMaximumPoolSize(30);
        dataSource = new HikariDataSource(config);
        sandbox = SandboxPaymentServer.start(dataSource, settings);
        provider = new HttpPaymentProvider(sandbox.baseUri(), settings.getConnectTimeout(), settings.getReadTimeout());
        refs = new PaymentRefs(dataSource);
    }

    /** The same sandbox with a generous read timeout: for load tests about idempotency, not latency. */
    HttpPaymentProvider patientProvider() {
        return new HttpPaymentProvider(sandbox.baseUri(), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    static PaymentSettings settings() {
        PaymentSettings settings = new PaymentSettings();
        settings.setConnectTimeout(Duration.ofSeconds(1));
        settings.setReadTimeout(READ_TIMEOUT);
        settings.setSandboxSlowDelay(Duration.ofMillis(200));
        return settings;
    }

    static String orderRef() {
        return "order-" + UUID.randomUUID();
    }

    /** What the engine passes to a connector: the same instance and activity on every retry of the job. */
    static ConnectorRequest request(String instanceId, String activityId, Map<String, Object> inputs) {
        return new ConnectorRequest(instanceId, activityId, null, null, inputs);
    }

    /** A sale (authorize and capture) in EUR through the HTTP provider. */
    PaymentResult sale(String orderRef, String amount, String token, String key) {
        return provider.authorize(PaymentRequest.sale(orderRef, new BigDecimal(amount), "EUR", token), key);
    }

    @Override
    public void close() {
        sandbox.close();
        dataSource.close();
    }
}
