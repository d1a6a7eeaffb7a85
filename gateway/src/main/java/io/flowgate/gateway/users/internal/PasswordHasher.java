package io.flowgate.gateway.users.internal;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** bcrypt hashing and checking (at.favre.lib:bcrypt, version 2a). */
public final class PasswordHasher {

    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final int cost;
    // checked against when the username is unknown, so that answer takes as long as a wrong password
    private final String decoy;

    public PasswordHasher(int cost) {
        this.cost = cost;
        this.decoy = decoy(cost);
    }

    /**
     * A well-formed hash of the same cost made of a random salt and random hash bytes: checking a password against
     * it costs exactly what checking a real hash costs, and no password matches it. Made without hashing anything,
     * because a hash at the configured cost is a few hundred milliseconds of start-up.
     */
    private static String decoy(int cost) {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] hash = new byte[23];
        random.nextBytes(salt);
        random.nextBytes(hash);
        BCrypt.Version version = BCrypt.Version.VERSION_2A;
        return new String(version.formatter.createHashMessage(new BCrypt.HashData(cost, version, salt, hash)),
                StandardCharsets.UTF_8);
    }

    /** What an unknown username is checked against. */
    String decoy() {
        return decoy;
    }

    public static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    /** @param hash the stored hash, or null for an unknown user (the work is done anyway, and false returned) */
    public boolean matches(String password, String hash) {
        boolean usable = !password.isEmpty() && fitsBcrypt(password);
        String candidate = usable ? password : "-";
        boolean verified = BCrypt.verifyer().verify(candidate.toCharArray(), hash == null ? decoy : hash).verified;
        return verified && usable && hash != null;
    }
}
