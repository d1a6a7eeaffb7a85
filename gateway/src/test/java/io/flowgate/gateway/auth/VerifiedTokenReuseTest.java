package io.flowgate.gateway.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.flowgate.connectors.testsupport.TestDatabase;
import io.flowgate.gateway.auth.internal.TokenVerifier;
import io.flowgate.gateway.problem.GatewayProblem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static io.flowgate.gateway.auth.JwtAuthenticatorTest.at;
import static io.flowgate.gateway.auth.JwtAuthenticatorTest.bearer;
import static io.flowgate.gateway.auth.JwtAuthenticatorTest.claimsBuilder;
import static io.flowgate.gateway.auth.JwtAuthenticatorTest.header;
import static io.flowgate.gateway.auth.JwtAuthenticatorTest.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A token checked once is reused by its exact text: the time claims and revocation still count on every use, and key
 * changes apply within a minute.
 */
class VerifiedTokenReuseTest {

    private final TestDatabase.MovableClock clock = new TestDatabase.MovableClock();
    private final AtomicBoolean revoked = new AtomicBoolean();
    private final List<Boolean> issuedHere = new CopyOnWriteArrayList<>();

    @Test
    void refusesAReusedTokenOnceItExpires() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
        JwtAuthenticator authenticator = authenticator(() -> List.of(key.toPublicJWK()));
        String token = sign(new RSASSASigner(key), header(JWSAlgorithm.RS256).keyID("k"),
                claimsBuilder().expirationTime(at(clock.instant().plusSeconds(10))).build());
        assertThat(authenticator.authenticate(bearer(token)).subject()).isEqualTo("ada");

        clock.advance(Duration.ofSeconds(10).plus(settings().clockSkew()).plusSeconds(1));

        assertThatThrownBy(() -> authenticator.authenticate(bearer(token)))
                .isInstanceOfSatisfying(GatewayProblem.class,
                        p -> assertThat(p.problem().detail()).contains("expired"));
    }

    @Test
    void stopsAcceptingATokenWithinAMinuteOfItsKeyLeavingTheJwks() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
        AtomicReference<List<JWK>> jwks = new AtomicReference<>(List.of(key.toPublicJWK()));
        JwtAuthenticator authenticator = authenticator(jwks::get);
        String token = sign(new RSASSASigner(key), header(JWSAlgorithm.RS256).keyID("k"),
                claimsBuilder().expirationTime(at(clock.instant().plus(Duration.ofHours(1)))).build());
        assertThat(authenticator.authenticate(bearer(token)).subject()).isEqualTo("ada");

        jwks.set(List.of());
        assertThat(authenticator.authenticate(bearer(token)).subject()).isEqualTo("ada");
        clock.advance(Duration.ofSeconds(61));

        assertThatThrownBy(() -> authenticator.authenticate(bearer(token)))
                .isInstanceOf(GatewayProblem.class);
    }

    @Test
    void neverReusesAVerificationForADifferentToken() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
        JwtAuthenticator authenticator = authenticator(() -> List.of(key.toPublicJWK()));
        String token = sign(new RSASSASigner(key), header(JWSAlgorithm.RS256).keyID("k"), claimsBuilder().build());
        authenticator.authenticate(bearer(token));
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        assertThatThrownBy(() -> authenticator.authenticate(bearer(tampered))).isInstanceOf(GatewayProblem.class);
    }

    @Test
    void checksRevocationOnEveryUseOfAReusedToken() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
        JwtAuthenticator authenticator = authenticator(() -> List.of(key.toPublicJWK()));
        String token = sign(new RSASSASigner(key), header(JWSAlgorithm.RS256).keyID("k"), valid());
        assertThat(authenticator.authenticate(bearer(token)).subject()).isEqualTo("ada");

        revoked.set(true);

        assertThatThrownBy(() -> authenticator.authenticate(bearer(token)))
                .isInstanceOfSatisfying(GatewayProblem.class,
                        p -> assertThat(p.problem().detail()).contains("revoked"));
    }

    @Test
    void tellsTheRevocationCheckWhichTokensFlowgateIssued() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
        JwtAuthenticator authenticator = authenticator(() -> List.of(key.toPublicJWK()));
        String external = sign(new RSASSASigner(key), header(JWSAlgorithm.RS256).keyID("k"), valid());
        String own = new TokenIssuer(settings(), JwtAuthenticatorTest.SECRET, clock)
                .issue("ada", List.of(), null, 1).accessToken();

        authenticator.authenticate(bearer(external));
        authenticator.authenticate(bearer(own));
        authenticator.authenticate(bearer(own));

        assertThat(issuedHere).containsExactly(false, true, true);
    }

    private com.nimbusds.jwt.JWTClaimsSet valid() {
        return claimsBuilder().issueTime(at(clock.instant()))
                .expirationTime(at(clock.instant().plus(Duration.ofHours(1)))).build();
    }

    /** Defaults, no JWKS of its own: each test hands the verifier its keys. */
    private static AuthSettings settings() {
        return new AuthSettings(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private JwtAuthenticator authenticator(java.util.function.Supplier<List<JWK>> keys) {
        return new JwtAuthenticator(settings(), new TokenVerifier(JwtAuthenticatorTest.SECRET, keys, settings(),
                clock), (caller, own) -> {
            issuedHere.add(own);
            return revoked.get();
        });
    }
}
