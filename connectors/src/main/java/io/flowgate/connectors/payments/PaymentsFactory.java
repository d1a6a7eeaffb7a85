package io.flowgate.connectors.payments;

import io.flowgate.connectors.payments.internal.HttpPaymentProvider;
import io.flowgate.connectors.payments.sandbox.SandboxPaymentServer;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.net.URI;
import java.util.Optional;

/**
 * Wires payments once at start-up: with {@code flowgate.payments.provider=sandbox} (the default) the sandbox starts
 * with the application and the provider talks to it, unless {@code flowgate.payments.url} names another provider;
 * with {@code http}, only {@code url} is used.
 */
@Factory
public class PaymentsFactory {

    @Context
    @Bean(preDestroy = "close")
    @Requires(property = "flowgate.payments.provider", value = PaymentSettings.SANDBOX,
            defaultValue = PaymentSettings.SANDBOX)
    public SandboxPaymentServer sandboxPaymentServer(DataSource dataSource, PaymentSettings settings) {
        return SandboxPaymentServer.start(dataSource, settings);
    }

    @Singleton
    public PaymentProvider paymentProvider(PaymentSettings settings, Optional<SandboxPaymentServer> sandbox) {
        settings.validate();
        URI url = settings.hasUrl() ? URI.create(settings.getUrl().trim())
                : sandbox.map(SandboxPaymentServer::baseUri).orElseThrow(() -> new IllegalStateException(
                "flowgate.payments.url (FLOWGATE_PAYMENTS_URL) is empty and the sandbox is not running"));
        return new HttpPaymentProvider(url, settings.getConnectTimeout(), settings.getReadTimeout());
    }
}
