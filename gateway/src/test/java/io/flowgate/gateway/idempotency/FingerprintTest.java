package io.flowgate.gateway.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";

    @Test
    void ignoresTheOrderOfJsonObjectMembersAtEveryDepth() {
        assertThat(of("POST", "/o", JSON_TYPE, "{\"a\":1,\"b\":{\"x\":[{\"p\":1,\"q\":2}],\"y\":2}}"))
                .isEqualTo(of("POST", "/o", JSON_TYPE, "{ \"b\": {\"y\":2, \"x\":[{\"q\":2,\"p\":1}]}, \"a\": 1 }"));
    }

    @Test
    void keepsTheOrderOfArrays() {
        assertThat(of("POST", "/o", JSON_TYPE, "[1,2]")).isNotEqualTo(of("POST", "/o", JSON_TYPE, "[2,1]"));
    }

    @Test
    void tellsMethodsPathsQueriesAndBodiesApart() {
        String base = of("POST", "/o", JSON_TYPE, "{\"a\":1}");

        assertThat(of("PATCH", "/o", JSON_TYPE, "{\"a\":1}")).isNotEqualTo(base);
        assertThat(of("POST", "/p", JSON_TYPE, "{\"a\":1}")).isNotEqualTo(base);
        assertThat(of("POST", "/o?x=1", JSON_TYPE, "{\"a\":1}")).isNotEqualTo(base);
        assertThat(of("POST", "/o", JSON_TYPE, "{\"a\":2}")).isNotEqualTo(base);
    }

    @Test
    void hashesOtherBodiesAsRawBytes() {
        assertThat(of("POST", "/o", "text/plain", "{\"a\":1,\"b\":2}"))
                .isNotEqualTo(of("POST", "/o", "text/plain", "{\"b\":2,\"a\":1}"));
        assertThat(of("POST", "/o", JSON_TYPE, "{not json")).isEqualTo(of("POST", "/o", JSON_TYPE, "{not json"));
        assertThat(of("POST", "/o", JSON_TYPE, "{not json")).hasSize(64);
    }

    private static String of(String method, String path, String type, String body) {
        return Fingerprint.of(method, path, type, body.getBytes(StandardCharsets.UTF_8), JSON);
    }

    @Test
    void hashesHostilelyDeepJsonAsRawBytesWithoutFailing() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);

        assertThat(of("POST", "/o", JSON_TYPE, deep)).isEqualTo(of("POST", "/o", JSON_TYPE, deep)).hasSize(64);
    }
}
