package io.flowgate.gateway.auth.internal;

/** A token the {@link TokenVerifier} refused, with a reason safe to show the client. */
public final class TokenRejected extends Exception {

    /** Why; each description is a fixed sentence without quotes, fit for {@code error_description}. */
    public enum Reason {
        MALFORMED("the token is not a well-formed JWT"),
        NOT_SIGNED("the token must be a signed JWT (JWS); unsecured and encrypted tokens are not accepted"),
        ALGORITHM("the token signing algorithm is not accepted"),
        TYPE("the token type (typ) is not accepted"),
        KEY_IN_HEADER("the token names its own key (jku, x5u, jwk or x5c); keys are never taken from a token"),
        UNKNOWN_KEY("the token key id (kid) is not known"),
        SIGNATURE("the token signature is not valid"),
        MISSING_CLAIM("the token lacks a required claim (sub and exp are required)"),
        EXPIRED("the token has expired"),
        NOT_YET_VALID("the token is not valid yet"),
        ISSUER("the token issuer is not accepted"),
        AUDIENCE("the token audience is not accepted"),
        CLAIM_TYPE("the token roles or tenant claim has the wrong type"),
        NOT_BEARER("expected an Authorization header with one Bearer token"),
        REVOKED("the token has been revoked (logged out, or its user was changed, disabled or deleted); "
                + "get a new one");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Reason reason;

    public TokenRejected(Reason reason) {
        super(reason.description(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
