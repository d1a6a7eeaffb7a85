package io.flowgate.gateway.crash;

import io.flowgate.connectors.payments.PaymentSettings;
import io.flowgate.connectors.payments.sandbox.SandboxPaymentServer;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * The payment provider of a crash run, in the test's JVM: the sandbox provider on its own in-memory database,
 * called by the gateway over HTTP ({@code FLOWGATE_PAYMENTS_PROVIDER=http}). A real provider outlives a crash of
 * Flowgate — its books, its pending settlements and its callbacks (retried while the gateway is down) go on — so the
 * crash suite must not run the built-in sandbox inside the process it kills: that would lose the provider's own
 * timers and callbacks with it and blame Flowgate for a provider that died too.
 */
final class CrashProvider implements AutoCloseable {

    private final JdbcDataSource books = new JdbcDataSource();
    private final String secret = "whsec_" + Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
    private final SandboxPaymentServer server;

    /** @param callbacks where settlements are POSTed: the gateway's {@code /payment-callbacks} */
    CrashProvider(String name, URI callbacks, Duration readTimeout) {
        books.setURL("jdbc:h2:mem:crash-provider-" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        books.setUser("sa");
        PaymentSettings settings = new PaymentSettings();
        settings.setReadTimeout(readTimeout);
        settings.setSandboxWebhookUrl(callbacks.toString());
        settings.setSandboxWebhookSecret(secret);
        server = SandboxPaymentServer.start(books, settings);
    }

    /** What the gateway needs to use this provider and to verify its callbacks. */
    Map<String, String> gatewayEnv() {
        return Map.of("FLOWGATE_PAYMENTS_PROVIDER", "http", "FLOWGATE_PAYMENTS_URL", server.baseUri().toString(),
                "FLOWGATE_PAYMENTS_WEBHOOK_SECRET", secret, "FLOWGATE_PAYMENTS_SANDBOX_WEBHOOK_URL", "");
    }

    /** The provider's books ({@code sandbox_payment_ledger}, {@code sandbox_refund_ledger}). */
    DataSource books() {
        return books;
    }

    @Override
    public void close() {
        server.close();
    }
}
