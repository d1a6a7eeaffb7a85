package io.flowgate.gateway.auth;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import io.flowgate.gateway.auth.internal.JwksSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loading the identity provider's keys: what is kept, what is skipped, and how failures are handled. */
class JwksSourceTest {

    @TempDir
    Path dir;

    @Test
    void keepsOnlyPublicSignatureKeysOfTheAllowedTypes() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa").generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec").generate();
        List<JWK> published = List.of(rsa, ec,
                new RSAKeyGenerator(2048).keyID("enc").keyUse(KeyUse.ENCRYPTION).generate(),
                new ECKeyGenerator(Curve.P_384).keyID("p384").generate(),
                new OctetSequenceKeyGenerator(256).keyID("oct").generate());
        Path file = dir.resolve("jwks.json");
        Files.writeString(file, new JWKSet(published).toString(false));

        List<JWK> keys = new JwksSource(withFile(file)).keys();

        assertThat(keys).extracting(JWK::getKeyID).containsExactly("rsa", "ec");
        assertThat(keys).noneMatch(JWK::isPrivate).noneMatch(k -> k instanceof OctetSequenceKey);
    }

    @Test
    void stopsStartUpWhenTheFileCannotBeRead() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{not json");
        assertThatThrownBy(() -> new JwksSource(withFile(broken)))
                .hasMessageContaining("FLOWGATE_JWKS_FILE").hasMessageContaining(broken.toString());
        assertThatThrownBy(() -> new JwksSource(withFile(dir.resolve("missing.json"))))
                .hasMessageContaining("FLOWGATE_JWKS_FILE");
    }

    @Test
    void keepsTheLastGoodKeysWhenARefreshFails() throws Exception {
        RSAKey first = new RSAKeyGenerator(2048).keyID("first").generate();
        RSAKey second = new RSAKeyGenerator(2048).keyID("second").generate();
        AtomicReference<String> served = new AtomicReference<>(new JWKSet(first.toPublicJWK()).toString());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> {
            String body = served.get();
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 503 : 200, body == null ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
        try (JwksSource source = new JwksSource(new AuthSettings(null, null, url, null, null, null, null, null, null,
                null, null, null))) {
            assertThat(source.keys()).extracting(JWK::getKeyID).containsExactly("first");

            served.set(null);
            assertThat(source.refresh()).isFalse();
            assertThat(source.keys()).extracting(JWK::getKeyID).containsExactly("first");

            served.set(new JWKSet(second.toPublicJWK()).toString());
            assertThat(source.refresh()).isTrue();
            assertThat(source.keys()).extracting(JWK::getKeyID).containsExactly("second");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void stopsStartUpWhenTheUrlDoesNotAnswerAtFirst() {
        AuthSettings settings = new AuthSettings(null, null, "http://127.0.0.1:9/jwks", null, null, null, null, null,
                null, null, null, null);
        assertThatThrownBy(() -> new JwksSource(settings)).hasMessageContaining("FLOWGATE_JWKS_URL");
    }

    private static AuthSettings withFile(Path file) {
        return new AuthSettings(null, file.toString(), null, null, null, null, null, null, null, null, null, null);
    }
}
