package io.flowgate.connectors.signing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class StandardWebhooksSignerTest {

    /** The example of the Standard Webhooks specification. */
    private static final byte[] KEY = Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private final StandardWebhooksSigner signer = new StandardWebhooksSigner(KEY);

    @Test
    void signsTheSpecificationsExample() {
        assertThat(signer.sign(ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void acceptsItsSignatureAlsoAmongOthers() {
        assertThat(signer.verify(ID, TIMESTAMP, BODY, SIGNATURE)).isTrue();
        assertThat(signer.verify(ID, TIMESTAMP, BODY, "v1,bm90IGl0 v2,abc " + SIGNATURE)).isTrue();
    }

    @Test
    void refusesAnotherBodyIdTimestampOrKey() {
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;

        assertThat(signer.verify(ID, TIMESTAMP, "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8),
                SIGNATURE)).isFalse();
        assertThat(signer.verify("msg_other", TIMESTAMP, BODY, SIGNATURE)).isFalse();
        assertThat(signer.verify(ID, TIMESTAMP + 1, BODY, SIGNATURE)).isFalse();
        assertThat(new StandardWebhooksSigner(otherKey).verify(ID, TIMESTAMP, BODY, SIGNATURE)).isFalse();
    }

    @Test
    void refusesMissingMalformedOrOtherVersionSignatures() {
        String bare = SIGNATURE.substring("v1,".length());

        assertThat(signer.verify(ID, TIMESTAMP, BODY, null)).isFalse();
        assertThat(signer.verify(ID, TIMESTAMP, BODY, "")).isFalse();
        assertThat(signer.verify(ID, TIMESTAMP, BODY, bare)).isFalse();
        assertThat(signer.verify(ID, TIMESTAMP, BODY, "v1a," + bare)).isFalse();
        assertThat(signer.verify(ID, TIMESTAMP, BODY, "v1,not*base64")).isFalse();
    }
}
