package io.flowgate.gateway.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import io.flowgate.gateway.auth.internal.ClaimsMapping;
import io.flowgate.gateway.auth.internal.JwksSource;
import io.flowgate.gateway.auth.internal.SigningKeys;
import io.flowgate.gateway.auth.internal.TokenRejected;
import io.flowgate.gateway.auth.internal.TokenVerifier;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/**
 * {@link Authenticator} for {@code Authorization: Bearer <jwt>}: HS256 tokens signed with the gateway's secret
 * (those of {@code POST /auth/token}) and RS256/ES256 tokens of an external identity provider whose keys are in the
 * configured JWKS. Checked per RFC 8725 by {@link TokenVerifier}; any failure is a 401 {@code invalid-token}
 * problem with {@code WWW-Authenticate}.
 */
@Singleton
public class JwtAuthenticator implements Authenticator {

    private static final String BEARER = "bearer ";

    private final TokenVerifier verifier;
    private final ClaimsMapping mapping;

    @Inject
    public JwtAuthenticator(AuthSettings settings, SigningKeys signingKeys, JwksSource jwks) {
        this(settings, new TokenVerifier(signingKeys.hmacSecret(), jwks::keys, settings, Clock.systemUTC()));
    }

    public JwtAuthenticator(AuthSettings settings, TokenVerifier verifier) {
        this.verifier = verifier;
        this.mapping = new ClaimsMapping(settings.rolesClaim(), settings.tenantClaim());
    }

    @Override
    public Caller authenticate(HttpRequest<?> request) {
        List<String> values = request.getHeaders().getAll(HttpHeaders.AUTHORIZATION);
        if (values.isEmpty()) {
            return Caller.ANONYMOUS;
        }
        if (values.size() > 1 || !values.get(0).regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw AuthProblems.invalidToken(TokenRejected.Reason.NOT_BEARER.description());
        }
        return authenticate(values.get(0).substring(BEARER.length()).strip());
    }

    /** Checks a bare token (the part after {@code Bearer }). */
    public Caller authenticate(String token) {
        try {
            JWTClaimsSet claims = verifier.verify(token);
            return mapping.caller(claims);
        } catch (TokenRejected e) {
            throw AuthProblems.invalidToken(e.reason().description());
        }
    }
}
