package io.flowgate.gateway.auth.internal;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * A token whose signature and claims passed every check.
 *
 * @param claims     its claims
 * @param issuedHere whether Flowgate issued it (HS256 with Flowgate's secret), so its user is in Flowgate's table
 */
public record VerifiedToken(JWTClaimsSet claims, boolean issuedHere) {
}
