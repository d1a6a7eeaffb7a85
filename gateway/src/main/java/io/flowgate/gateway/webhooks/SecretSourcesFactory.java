package io.flowgate.gateway.webhooks;

import io.flowgate.contracts.SecretSources;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Where published contracts may read {@code x-webhook} secrets from: the environment and the secrets directory. */
@Factory
public class SecretSourcesFactory {

    @Singleton
    SecretSources secretSources(WebhookSettings settings) {
        settings.validate();
        return SecretSources.of(System::getenv, settings.secretsDirectory().orElse(null));
    }
}
