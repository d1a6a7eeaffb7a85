package io.flowgate.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.flowgate.gateway.auth.internal.SigningKeys;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs the gateway's own tokens: HS256 with the gateway's secret, carrying {@code sub}, roles and tenant (at the
 * configured claim names), {@code iat}, {@code exp} ({@code token-ttl} later), {@code iss}, {@code aud} when
 * configured, a random {@code jti} (what logout revokes) and the user's token generation {@code gen} (what a change
 * to the user revokes, see {@link TokenRevocations}). {@link JwtAuthenticator} accepts them.
 */
@Singleton
public class TokenIssuer {

    /** The claim carrying the user's token generation. */
    public static final String GENERATION_CLAIM = "gen";

    private final AuthSettings settings;
    private final MACSigner signer;
    private final Clock clock;

    @Inject
    public TokenIssuer(AuthSettings settings, SigningKeys keys) {
        this(settings, keys.hmacSecret(), Clock.systemUTC());
    }

    public TokenIssuer(AuthSettings settings, byte[] hmacSecret, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        try {
            this.signer = new MACSigner(hmacSecret);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the HS256 secret must be at least 32 bytes", e);
        }
    }

    /**
     * @param tenant     null for a platform-wide user
     * @param generation the user's current token generation
     */
    public IssuedToken issue(String subject, Collection<String> roles, @Nullable String tenant, long generation) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.plus(settings.tokenTtl());
        Map<String, Object> custom = new LinkedHashMap<>();
        put(custom, settings.rolesClaim(), List.copyOf(roles));
        if (tenant != null) {
            put(custom, settings.tenantClaim(), tenant);
        }
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(settings.effectiveIssuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .claim(GENERATION_CLAIM, generation);
        if (settings.audience() != null) {
            claims.audience(settings.audience());
        }
        custom.forEach(claims::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
        return new IssuedToken(jwt.serialize(), settings.tokenTtl().toSeconds());
    }

    /** Puts a value at a dotted claim path ({@code realm_access.roles} → {"realm_access": {"roles": …}}). */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> claims, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> current = claims;
        for (int i = 0; i < parts.length - 1; i++) {
            current = (Map<String, Object>) current.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
        }
        current.put(parts[parts.length - 1], value);
    }
}
