package io.flowgate.gateway.auth;

/**
 * A token from {@link TokenIssuer}.
 *
 * @param accessToken the compact JWT
 * @param expiresIn   seconds until it expires
 */
public record IssuedToken(String accessToken, long expiresIn) {

    @Override
    public String toString() {
        return "IssuedToken[expiresIn=" + expiresIn + "]";
    }
}
