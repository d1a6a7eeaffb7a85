package io.flowgate.gateway.auth;

import io.flowgate.gateway.auth.internal.ClaimsMapping;
import io.flowgate.gateway.auth.internal.JwksSource;
import io.flowgate.gateway.auth.internal.SigningKeys;
import io.flowgate.gateway.auth.internal.TokenRejected;
import io.flowgate.gateway.auth.internal.TokenVerifier;
import io.flowgate.gateway.auth.internal.VerifiedToken;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/**
 * {@link Authenticator} for {@code Authorization: Bearer <jwt>}: HS256 tokens signed with the gateway's secret
 * (those of {@code POST /auth/token}) and RS256/ES256 tokens of an external identity provider whose keys are in the
 * configured JWKS. Checked per RFC 8725 by {@link TokenVerifier}, then for revocation on every request (a token
 * the verifier remembers included); any failure is a 401 {@code invalid-token} problem with
 * {@code WWW-Authenticate}.
 */
@Singleton
public class JwtAuthenticator implements Authenticator {

    private static final String BEARER = "bearer ";

    private final TokenVerifier verifier;
    private final ClaimsMapping mapping;
    private final RevocationCheck revocations;

    @Inject
    public JwtAuthenticator(AuthSettings settings, SigningKeys signingKeys, JwksSource jwks,
                            TokenRevocations revocations) {
        this(settings, new TokenVerifier(signingKeys.hmacSecret(), jwks::keys, settings, Clock.systemUTC()),
                revocations);
    }

    public JwtAuthenticator(AuthSettings settings, TokenVerifier verifier, RevocationCheck revocations) {
        this.verifier = verifier;
        this.mapping = new ClaimsMapping(settings.rolesClaim(), settings.tenantClaim());
        this.revocations = revocations;
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
            VerifiedToken verified = verifier.verify(token);
            Caller caller = mapping.caller(verified.claims());
            if (revocations.revoked(caller, verified.issuedHere())) {
                throw new TokenRejected(TokenRejected.Reason.REVOKED);
            }
            return caller;
        } catch (TokenRejected e) {
            throw AuthProblems.invalidToken(e.reason().description());
        }
    }
}
