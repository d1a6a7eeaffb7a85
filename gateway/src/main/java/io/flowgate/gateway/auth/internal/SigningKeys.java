package io.flowgate.gateway.auth.internal;

import io.flowgate.gateway.auth.AuthSettings;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;

import java.nio.charset.StandardCharsets;

/**
 * The HS256 secret, resolved once at start-up: {@code FLOWGATE_JWT_SECRET} when set, else the one generated and
 * kept in the database ({@link SharedSecretStore}). It is the only key HS256 tokens are ever checked with.
 */
@Context
public final class SigningKeys {

    private final byte[] hmacSecret;

    public SigningKeys(AuthSettings settings, BeanProvider<SharedSecretStore> store) {
        this.hmacSecret = settings.jwtSecret() != null
                ? settings.jwtSecret().getBytes(StandardCharsets.UTF_8)
                : store.get().secret();
    }

    public byte[] hmacSecret() {
        return hmacSecret.clone();
    }
}
