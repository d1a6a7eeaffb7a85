package io.flowgate.gateway.auth.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.flowgate.gateway.auth.AuthSettings;
import io.flowgate.gateway.auth.internal.TokenRejected.Reason;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks a compact JWT the way RFC 8725 asks, with nimbus-jose-jwt's parser and verifiers but our own choice of key:
 * <ul>
 *   <li>only JWS: unsecured ({@code alg: none}) and encrypted tokens are refused;</li>
 *   <li>the algorithm decides the key type, never the other way round: HS256 is checked with the configured
 *       secret only, RS256 with RSA and ES256 with EC P-256 keys from the configured JWKS only, so an RSA public key
 *       can never serve as an HMAC secret; every other algorithm is refused;</li>
 *   <li>{@code kid} only picks among configured keys; {@code jku}, {@code x5u}, {@code jwk}, {@code x5c} headers
 *       are refused outright: a token that brings its own key is not trusted;</li>
 *   <li>{@code typ} absent, {@code JWT} or {@code at+jwt} (RFC 9068); unknown {@code crit} headers are refused by
 *       the nimbus verifiers;</li>
 *   <li>{@code sub} and {@code exp} required, {@code exp} and {@code nbf} checked with the configured skew,
 *       {@code iss} and {@code aud} when configured.</li>
 * </ul>
 */
public final class TokenVerifier {

    /** Longer tokens are refused before parsing. */
    public static final int MAX_TOKEN_LENGTH = 8 * 1024;
    // explicit typing (RFC 8725 §3.11): plain JWTs and OAuth access tokens, not ID tokens or other kinds
    private static final Set<String> TYPES = Set.of("jwt", "at+jwt", "application/at+jwt");

    private final byte[] hmacSecret;
    private final Supplier<List<JWK>> publicKeys;
    private final AuthSettings settings;
    private final Clock clock;
    private final VerifiedTokens verified;

    /**
     * @param hmacSecret the HS256 secret (at least 32 bytes)
     * @param publicKeys the current RS256/ES256 keys (filtered by {@link JwksKeys})
     */
    public TokenVerifier(byte[] hmacSecret, Supplier<List<JWK>> publicKeys, AuthSettings settings, Clock clock) {
        this.hmacSecret = hmacSecret.clone();
        this.publicKeys = publicKeys;
        this.settings = settings;
        this.clock = clock;
        this.verified = new VerifiedTokens(clock);
    }

    /** @return the verified claims, and whether Flowgate issued the token */
    public VerifiedToken verify(String token) throws TokenRejected {
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new TokenRejected(Reason.MALFORMED);
        }
        VerifiedToken known = verified.find(token);
        if (known != null) {
            checkTimes(known.claims());
            return known;
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new TokenRejected(Reason.MALFORMED);
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new TokenRejected(Reason.NOT_SIGNED);
        }
        checkHeader(signed.getHeader());
        if (!verifySignature(signed)) {
            throw new TokenRejected(Reason.SIGNATURE);
        }
        JWTClaimsSet claims;
        try {
            claims = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new TokenRejected(Reason.MALFORMED);
        }
        checkClaims(claims);
        // HS256 is checked with Flowgate's own secret only (never with a JWKS key): only Flowgate issues these
        VerifiedToken result = new VerifiedToken(claims,
                JWSAlgorithm.HS256.equals(signed.getHeader().getAlgorithm()));
        verified.remember(token, result);
        return result;
    }

    private static void checkHeader(JWSHeader header) throws TokenRejected {
        if (header.getJWKURL() != null || header.getX509CertURL() != null || header.getJWK() != null
                || header.getX509CertChain() != null) {
            throw new TokenRejected(Reason.KEY_IN_HEADER);
        }
        if (header.getType() != null && !TYPES.contains(header.getType().getType().toLowerCase(Locale.ROOT))) {
            throw new TokenRejected(Reason.TYPE);
        }
    }

    private boolean verifySignature(SignedJWT signed) throws TokenRejected {
        JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
        try {
            if (JWSAlgorithm.HS256.equals(algorithm)) {
                return signed.verify(new MACVerifier(hmacSecret));
            }
            if (!JWSAlgorithm.RS256.equals(algorithm) && !JWSAlgorithm.ES256.equals(algorithm)) {
                throw new TokenRejected(Reason.ALGORITHM);
            }
            List<JWK> candidates = candidates(algorithm, signed.getHeader().getKeyID());
            for (JWK key : candidates) {
                if (signed.verify(verifierFor(key))) {
                    return true;
                }
            }
            return false;
        } catch (JOSEException e) {
            return false;
        }
    }

    private List<JWK> candidates(JWSAlgorithm algorithm, String kid) throws TokenRejected {
        List<JWK> ofType = publicKeys.get().stream().filter(k -> algorithm.equals(JwksKeys.algorithmOf(k))).toList();
        if (kid == null) {
            if (ofType.isEmpty()) {
                throw new TokenRejected(Reason.ALGORITHM);
            }
            return ofType;
        }
        List<JWK> named = ofType.stream().filter(k -> kid.equals(k.getKeyID())).toList();
        if (named.isEmpty()) {
            throw new TokenRejected(Reason.UNKNOWN_KEY);
        }
        return named;
    }

    private static JWSVerifier verifierFor(JWK key) throws JOSEException {
        if (key instanceof RSAKey rsa) {
            return new RSASSAVerifier(rsa);
        }
        return new ECDSAVerifier((ECKey) key);
    }

    private void checkClaims(JWTClaimsSet claims) throws TokenRejected {
        if (claims.getExpirationTime() == null || claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw new TokenRejected(Reason.MISSING_CLAIM);
        }
        checkTimes(claims);
        if (settings.issuer() != null && !settings.issuer().equals(claims.getIssuer())) {
            throw new TokenRejected(Reason.ISSUER);
        }
        if (settings.audience() != null && (claims.getAudience() == null
                || !claims.getAudience().contains(settings.audience()))) {
            throw new TokenRejected(Reason.AUDIENCE);
        }
    }

    /** {@code exp} and {@code nbf} with the configured skew: checked on every use, cached or not. */
    private void checkTimes(JWTClaimsSet claims) throws TokenRejected {
        Instant now = clock.instant();
        Duration skew = settings.clockSkew();
        if (now.isAfter(instant(claims.getExpirationTime()).plus(skew))) {
            throw new TokenRejected(Reason.EXPIRED);
        }
        if (claims.getNotBeforeTime() != null && now.plus(skew).isBefore(instant(claims.getNotBeforeTime()))) {
            throw new TokenRejected(Reason.NOT_YET_VALID);
        }
    }

    private static Instant instant(Date date) {
        return date.toInstant();
    }
}
