package io.flowgate.gateway.auth;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.flowgate.gateway.auth.internal.JwksSource;
import io.flowgate.gateway.auth.internal.TokenVerifier;
import io.flowgate.gateway.problem.GatewayProblem;
import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each RFC 8725 case against the authenticator: what it accepts, what it refuses, and what it never does. */
class JwtAuthenticatorTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final byte[] SECRET = "a-test-secret-of-at-least-32-bytes-long!".getBytes(StandardCharsets.UTF_8);

    static RSAKey rsa;
    static ECKey ec;
    static RSAKey stranger;
    static Path jwksFile;
    static HttpServer keyServer;
    static final AtomicInteger keyServerHits = new AtomicInteger();

    @BeforeAll
    static void keys() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        jwksFile = Files.createTempFile("jwks", ".json");
        Files.writeString(jwksFile, new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString());
        // an attacker's key server: a token's jku/x5u must never make the gateway call it
        keyServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keyServer.createContext("/", exchange -> {
            keyServerHits.incrementAndGet();
            byte[] body = new JWKSet(stranger.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keyServer.start();
    }

    @AfterAll
    static void stop() throws IOException {
        keyServer.stop(0);
        Files.deleteIfExists(jwksFile);
    }

    // --- accepted ---

    @Test
    void mapsTheClaimsOfItsOwnTokenToTheCaller() {
        TokenIssuer issuer = new TokenIssuer(settings(), SECRET, Clock.fixed(NOW, ZoneOffset.UTC));
        String token = issuer.issue("ada", List.of("store-manager", "finance"), "tenant-a", 7).accessToken();

        Caller caller = authenticator(settings()).authenticate(bearer(token));

        assertThat(caller.subject()).isEqualTo("ada");
        assertThat(caller.tenant()).isEqualTo("tenant-a");
        assertThat(caller.roles()).containsExactlyInAnyOrder("store-manager", "finance");
        assertThat(caller.claims()).containsEntry("sub", "ada").containsEntry("iss", "flowgate")
                .containsEntry("roles", List.of("store-manager", "finance")).containsEntry("gen", 7L)
                .containsKeys("exp", "iat", "jti");
        assertThat(caller.claims().get("exp")).isEqualTo(NOW.plus(AuthSettings.DEFAULT_TOKEN_TTL).getEpochSecond());
    }

    @Test
    void answersAnonymousWithoutAnAuthorizationHeader() {
        assertThat(authenticator(settings()).authenticate(HttpRequest.GET("/x"))).isEqualTo(Caller.ANONYMOUS);
    }

    @Test
    void acceptsRs256FromTheJwksFile() throws Exception {
        String token = sign(new RSASSASigner(rsa), header(JWSAlgorithm.RS256).keyID("rsa-1"), claims());
        assertThat(authenticate(token).subject()).isEqualTo("ada");
    }

    @Test
    void acceptsRs256WithoutKidByTryingTheConfiguredRsaKeys() throws Exception {
        String token = sign(new RSASSASigner(rsa), header(JWSAlgorithm.RS256), claims());
        assertThat(authenticate(token).subject()).isEqualTo("ada");
    }

    @Test
    void acceptsEs256FromTheJwksFile() throws Exception {
        String token = sign(new ECDSASigner(ec), header(JWSAlgorithm.ES256).keyID("ec-1"), claims());
        assertThat(authenticate(token).subject()).isEqualTo("ada");
    }

    @Test
    void readsRolesAndTenantFromConfiguredNestedClaims() throws Exception {
        AuthSettings nested = settings().withClaims("realm_access.roles", "org");
        JWTClaimsSet claims = claimsBuilder().claim("realm_access", Map.of("roles", List.of("finance")))
                .claim("org", "tenant-b").build();
        Caller caller = authenticator(nested).authenticate(bearer(
                sign(new RSASSASigner(rsa), header(JWSAlgorithm.RS256).keyID("rsa-1"), claims)));
        assertThat(caller.roles()).containsExactly("finance");
        assertThat(caller.tenant()).isEqualTo("tenant-b");
    }

    // --- algorithm and key (RFC 8725 §2.1, §2.2, §3.1) ---

    @Test
    void refusesAlgNone() {
        String token = new PlainJWT(claims()).serialize();
        assertRefused(token, "signed JWT");
    }

    @Test
    void refusesAlgNoneSpelledDifferentlyWithASignature() throws Exception {
        String hs = sign(new MACSigner(SECRET), header(JWSAlgorithm.HS256), claims());
        String[] parts = hs.split("\\.");
        String header = b64("{\"alg\":\"None\"}");
        assertRefused(header + "." + parts[1] + "." + parts[2], "algorithm");
    }

    @Test
    void refusesHs256SignedWithTheConfiguredRsaPublicKeyAsHmacSecret() throws Exception {
        List<byte[]> encodings = List.of(
                rsa.toRSAPublicKey().getEncoded(),
                pem(rsa.toRSAPublicKey().getEncoded()).getBytes(StandardCharsets.UTF_8),
                rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8),
                rsa.getModulus().decode());
        for (byte[] confusedKey : encodings) {
            String token = sign(new MACSigner(confusedKey), header(JWSAlgorithm.HS256).keyID("rsa-1"), claims());
            assertRefused(token, "signature");
        }
    }

    @Test
    void refusesAlgorithmsOutsideTheAllowList() throws Exception {
        byte[] longSecret = (new String(SECRET, StandardCharsets.UTF_8).repeat(2)).getBytes(StandardCharsets.UTF_8);
        assertRefused(sign(new MACSigner(longSecret), header(JWSAlgorithm.HS512), claims()), "algorithm");
        assertRefused(sign(new RSASSASigner(rsa), header(JWSAlgorithm.RS384).keyID("rsa-1"), claims()), "algorithm");
        assertRefused(sign(new RSASSASigner(rsa), header(JWSAlgorithm.PS256).keyID("rsa-1"), claims()), "algorithm");
    }

    @Test
    void refusesAnEncryptedToken() throws Exception {
        EncryptedJWT jwe = new EncryptedJWT(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM), claims());
        jwe.encrypt(new DirectEncrypter(java.util.Arrays.copyOf(SECRET, 32)));
        assertRefused(jwe.serialize(), "signed JWT");
    }

    @Test
    void refusesAnUnknownKid() throws Exception {
        assertRefused(sign(new RSASSASigner(rsa), header(JWSAlgorithm.RS256).keyID("rsa-9"), claims()), "key id");
    }

    @Test
    void refusesATokenSignedByAnotherKeyUnderAKnownKid() throws Exception {
        assertRefused(sign(new RSASSASigner(stranger), header(JWSAlgorithm.RS256).keyID("rsa-1"), claims()),
                "signature");
    }

    @Test
    void neverFetchesOrUsesKeysNamedByTheToken() throws Exception {
        URI keys = URI.create("http://127.0.0.1:" + keyServer.getAddress().getPort() + "/jwks.json");
        List<String> tokens = List.of(
                // the attacker's own key, published at jku / x5u or embedded as jwk
                sign(new RSASSASigner(stranger), header(JWSAlgorithm.RS256).keyID("rsa-1").jwkURL(keys), claims()),
                sign(new RSASSASigner(stranger), header(JWSAlgorithm.RS256).keyID("rsa-1").x509CertURL(keys),
                        claims()),
                sign(new RSASSASigner(stranger), header(JWSAlgorithm.RS256).jwk(stranger.toPublicJWK()), claims()),
                // even a token signed with a configured key is refused when it asks for its own key source
                sign(new RSASSASigner(rsa), header(JWSAlgorithm.RS256).keyID("rsa-1").jwkURL(keys), claims()));
        for (String token : tokens) {
            assertRefused(token, "names its own key");
        }
        assertThat(keyServerHits).hasValue(0);
    }

    @Test
    void refusesAnUnexpectedTokenType() throws Exception {
        assertRefused(sign(new MACSigner(SECRET), header(JWSAlgorithm.HS256).type(new JOSEObjectType("id+jwt")),
                claims()), "type");
    }

    // --- integrity ---

    @Test
    void refusesATamperedPayload() throws Exception {
        String token = sign(new MACSigner(SECRET), header(JWSAlgorithm.HS256), claims());
        String[] parts = token.split("\\.");
        String forged = b64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"ada\"", "\"root\""));
        assertRefused(parts[0] + "." + forged + "." + parts[2], "signature");
    }

    @Test
    void refusesATamperedSignature() throws Exception {
        String token = sign(new RSASSASigner(rsa), header(JWSAlgorithm.RS256).keyID("rsa-1"), claims());
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
        signature[10] ^= 0x01;
        String tampered = token.substring(0, token.lastIndexOf('.') + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        assertRefused(tampered, "signature");
    }

    @Test
    void refusesGarbageAndOtherSchemes() {
        assertRefused("not-a-jwt", "well-formed");
        GatewayProblem basic = refusal(authenticator(settings()),
                HttpRequest.GET("/x").header("Authorization", "Basic YWRtaW46YWRtaW4="));
        assertThat(basic.problem().detail()).contains("Bearer");
    }

    // --- time (RFC 8725 §3.10 via RFC 7519) ---

    @Test
    void refusesAnExpiredToken() throws Exception {
        assertRefused(hs(c -> c.expirationTime(at(NOW.minus(Duration.ofMinutes(5))))), "expired");
    }

    @Test
    void acceptsExpiryWithinTheSkewAndRefusesItBeyond() throws Exception {
        assertThat(authenticate(hs(c -> c.expirationTime(at(NOW.minusSeconds(29))))).subject()).isEqualTo("ada");
        assertRefused(hs(c -> c.expirationTime(at(NOW.minusSeconds(31)))), "expired");
    }

    @Test
    void refusesNotBeforeInTheFutureBeyondTheSkew() throws Exception {
        assertRefused(hs(c -> c.notBeforeTime(at(NOW.plusSeconds(31)))), "not valid yet");
        assertThat(authenticate(hs(c -> c.notBeforeTime(at(NOW.plusSeconds(29))))).subject()).isEqualTo("ada");
    }

    @Test
    void honoursAConfiguredSkew() throws Exception {
        JwtAuthenticator strict = authenticator(settings().withClockSkew(Duration.ZERO));
        assertThatThrownBy(() -> strict.authenticate(bearer(hs(c -> c.expirationTime(at(NOW.minusSeconds(1)))))))
                .isInstanceOf(GatewayProblem.class);
    }

    @Test
    void requiresExpAndSub() throws Exception {
        assertRefused(hs(c -> c.expirationTime(null)), "required claim");
        assertRefused(hs(c -> c.subject(null)), "required claim");
    }

    // --- issuer and audience ---

    @Test
    void refusesAWrongIssuerWhenOneIsConfigured() throws Exception {
        JwtAuthenticator withIssuer = authenticator(settings().withIssuerAndAudience("https://idp.example", null));
        assertThat(withIssuer.authenticate(bearer(hs(c -> c.issuer("https://idp.example")))).subject())
                .isEqualTo("ada");
        assertThat(refusal(withIssuer, bearer(hs(c -> c.issuer("https://evil.example")))).problem().detail())
                .contains("issuer");
        assertThat(refusal(withIssuer, bearer(hs(c -> c.issuer(null)))).problem().detail()).contains("issuer");
    }

    @Test
    void refusesAWrongAudienceWhenOneIsConfigured() throws Exception {
        JwtAuthenticator withAudience = authenticator(settings().withIssuerAndAudience(null, "flowgate-api"));
        assertThat(withAudience.authenticate(bearer(hs(c -> c.audience(List.of("other", "flowgate-api")))))
                .subject()).isEqualTo("ada");
        assertThat(refusal(withAudience, bearer(hs(c -> c.audience("other")))).problem().detail())
                .contains("audience");
        assertThat(refusal(withAudience, bearer(hs(c -> c.audience((String) null)))).problem().detail())
                .contains("audience");
    }

    // --- claims ---

    @Test
    void refusesRolesOrTenantOfTheWrongType() throws Exception {
        assertRefused(hs(c -> c.claim("roles", Map.of("admin", true))), "wrong type");
        assertRefused(hs(c -> c.claim("roles", List.of("a", 7))), "wrong type");
        assertRefused(hs(c -> c.claim("tenant", 42)), "wrong type");
        assertRefused(hs(c -> c.claim("tenant", " ")), "wrong type");
    }

    @Test
    void answersWithABearerChallengeThatLeaksNothing() throws Exception {
        GatewayProblem problem = refusal(authenticator(settings()),
                bearer(sign(new RSASSASigner(stranger), header(JWSAlgorithm.RS256).keyID("rsa-1"), claims())));
        assertThat(problem.problem().status()).isEqualTo(401);
        assertThat(problem.problem().code()).isEqualTo("invalid-token");
        assertThat(problem.headers().get("WWW-Authenticate")).isEqualTo(
                "Bearer realm=\"flowgate\", error=\"invalid_token\", "
                        + "error_description=\"the token signature is not valid\"");
        assertThat(problem.problem().detail()).doesNotContainIgnoringCase("exception").doesNotContain("nimbus");
    }

    @Test
    void providesTheChallengeForMissingCredentials() {
        GatewayProblem problem = AuthProblems.missingCredentials();
        assertThat(problem.problem().status()).isEqualTo(401);
        assertThat(problem.headers()).containsEntry("WWW-Authenticate", "Bearer realm=\"flowgate\"");
    }

    // --- helpers ---

    static AuthSettings settings() {
        return new AuthSettings(null, jwksFile.toString(), null, null, null, null, null, null, null, null, null,
                null);
    }

    static JwtAuthenticator authenticator(AuthSettings settings) {
        JwksSource jwks = new JwksSource(settings);
        // what is checked here is the token itself; revocation has tests of its own
        return new JwtAuthenticator(settings, new TokenVerifier(SECRET, jwks::keys, settings,
                Clock.fixed(NOW, ZoneOffset.UTC)), (caller, issuedHere) -> false);
    }

    static Caller authenticate(String token) {
        return authenticator(settings()).authenticate(bearer(token));
    }

    static void assertRefused(String token, String detailPart) {
        GatewayProblem problem = refusal(authenticator(settings()), bearer(token));
        assertThat(problem.problem().status()).isEqualTo(401);
        assertThat(problem.problem().detail()).contains(detailPart);
        assertThat(problem.headers().get("WWW-Authenticate")).startsWith("Bearer realm=\"flowgate\", "
                + "error=\"invalid_token\"");
    }

    static GatewayProblem refusal(JwtAuthenticator authenticator, HttpRequest<?> request) {
        try {
            Caller caller = authenticator.authenticate(request);
            throw new AssertionError("accepted as " + caller);
        } catch (GatewayProblem e) {
            return e;
        }
    }

    static HttpRequest<?> bearer(String token) {
        return HttpRequest.GET("/x").header("Authorization", "Bearer " + token);
    }

    static JWSHeader.Builder header(JWSAlgorithm algorithm) {
        return new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT);
    }

    static JWTClaimsSet.Builder claimsBuilder() {
        return new JWTClaimsSet.Builder().subject("ada").issuer("https://idp.example").issueTime(at(NOW))
                .expirationTime(at(NOW.plus(Duration.ofMinutes(10)))).claim("roles", List.of("finance"))
                .claim("tenant", "tenant-a");
    }

    static JWTClaimsSet claims() {
        return claimsBuilder().build();
    }

    static String hs(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return sign(new MACSigner(SECRET), header(JWSAlgorithm.HS256), change.apply(claimsBuilder()).build());
    }

    static String sign(JWSSigner signer, JWSHeader.Builder header, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    static Date at(Instant instant) {
        return Date.from(instant);
    }

    static String b64(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String pem(byte[] der) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
    }
}
