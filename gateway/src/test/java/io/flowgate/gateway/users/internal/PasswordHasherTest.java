package io.flowgate.gateway.users.internal;

import at.favre.lib.crypto.bcrypt.BCrypt;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(6);

    @Test
    void aHashMatchesItsPasswordAndNoOther() {
        String hash = hasher.hash("correct horse");

        assertTrue(hasher.matches("correct horse", hash));
        assertFalse(hasher.matches("correct horsE", hash));
    }

    @Test
    void anUnknownUserIsCheckedAgainstAWellFormedHashOfTheSameCost() throws Exception {
        BCrypt.HashData decoy = BCrypt.Version.VERSION_2A.parser.parse(
                hasher.decoy().getBytes(StandardCharsets.UTF_8));

        assertEquals(6, decoy.cost);
        assertEquals(16, decoy.rawSalt.length);
        assertFalse(hasher.matches("correct horse", null));
        assertFalse(hasher.matches("", null));
    }

    @Test
    void eachHasherHasItsOwnDecoy() {
        assertNotEquals(hasher.decoy(), new PasswordHasher(6).decoy());
    }

    @Test
    void theDecoyIsCheckedByBcryptItself() {
        // a malformed decoy would throw here instead of answering "no"
        BCrypt.Result result = BCrypt.verifyer().verify("anything".toCharArray(), hasher.decoy());

        assertTrue(result.validFormat);
        assertFalse(result.verified);
    }
}
