package io.flowgate.gateway.auth;

/** Whether a token that passed every signature and claim check has been revoked since it was issued. */
@FunctionalInterface
public interface RevocationCheck {

    /**
     * @param caller     the token's caller, with every claim
     * @param issuedHere whether Flowgate issued the token (HS256 with its secret) rather than an identity provider
     */
    boolean revoked(Caller caller, boolean issuedHere);
}
