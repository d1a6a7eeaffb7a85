package io.flowgate.gateway.auth.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks the keys of a JWKS that may verify tokens: RSA (at least 2048 bits) for RS256 and EC P-256 for ES256,
 * public parts only, meant for signatures. Symmetric ({@code oct}) keys are skipped: HS256 is checked with the
 * configured secret alone, never with a key someone published.
 */
public final class JwksKeys {

    public static final int MIN_RSA_BITS = 2048;
    private static final Logger LOG = LoggerFactory.getLogger(JwksKeys.class);

    private JwksKeys() {
    }

    /**
     * @param origin the file or URL, for messages
     * @throws ParseException when the document is not a JWKS
     */
    public static List<JWK> usable(String json, String origin) throws ParseException {
        List<JWK> usable = new ArrayList<>();
        for (JWK key : JWKSet.parse(json).getKeys()) {
            String problem = problem(key);
            if (problem == null) {
                usable.add(key.toPublicJWK());
            } else {
                LOG.warn("JWKS {}: skipping key {}: {}", origin, key.getKeyID() == null ? "without kid"
                        : "'" + key.getKeyID() + "'", problem);
            }
        }
        return List.copyOf(usable);
    }

    /** The algorithm a key verifies, RS256 or ES256; null for keys {@link #usable} would skip. */
    static JWSAlgorithm algorithmOf(JWK key) {
        if (key instanceof RSAKey) {
            return JWSAlgorithm.RS256;
        }
        if (key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
            return JWSAlgorithm.ES256;
        }
        return null;
    }

    private static String problem(JWK key) {
        JWSAlgorithm algorithm = algorithmOf(key);
        if (algorithm == null) {
            return "only RSA and EC P-256 public keys are used (" + key.getKeyType() + ")";
        }
        if (key instanceof RSAKey && key.size() < MIN_RSA_BITS) {
            return "RSA keys need at least " + MIN_RSA_BITS + " bits, this one has " + key.size();
        }
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
            return "its use is " + key.getKeyUse().identifier() + ", not sig";
        }
        if (key.getKeyOperations() != null && !key.getKeyOperations().contains(KeyOperation.VERIFY)) {
            return "its key_ops do not include verify";
        }
        if (key.getAlgorithm() != null && !algorithm.equals(key.getAlgorithm())) {
            return "its alg is " + key.getAlgorithm() + "; only " + algorithm + " is accepted for this key type";
        }
        return null;
    }
}
