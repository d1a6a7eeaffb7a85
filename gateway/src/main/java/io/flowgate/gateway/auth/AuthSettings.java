package io.flowgate.gateway.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Authentication settings, bound from {@code flowgate.auth.*} (set from {@code FLOWGATE_*} environment variables in
 * application.yml). Every component may be left out (null or blank): the compact constructor fills in the named
 * default and checks the value, so a wrong setting stops start-up with a message naming the property.
 *
 * @param jwtSecret       HS256 secret (at least 32 bytes); absent → a random one is generated once and kept in the
 *                        database, shared by every node on it
 * @param jwksFile        a JWKS file with the public RS256/ES256 keys of an external identity provider
 * @param jwksUrl         a JWKS URL (http or https) with such keys, fetched at start-up and refreshed periodically
 * @param jwksRefresh     how often the JWKS URL is fetched again
 * @param issuer          {@code iss} of issued tokens, and when set, the only {@code iss} accepted
 * @param audience        when set, {@code aud} of issued tokens and the audience every token must name
 * @param tokenTtl        lifetime of tokens from {@code POST /auth/token}
 * @param clockSkew       tolerance for {@code exp} and {@code nbf}
 * @param rolesClaim      claim holding the roles (an array of strings); a dotted path reaches into objects
 *                        ({@code realm_access.roles})
 * @param tenantClaim     claim holding the tenant (a string); dotted paths as for roles
 * @param adminPassword   password of the first admin user when none exists (at least 12 characters); absent → a
 *                        random one is generated and logged once
 * @param bcryptCost      bcrypt work factor of stored password hashes
 */
@ConfigurationProperties("flowgate.auth")
public record AuthSettings(@Nullable String jwtSecret, @Nullable String jwksFile, @Nullable String jwksUrl,
                           @Nullable Duration jwksRefresh, @Nullable String issuer, @Nullable String audience,
                           @Nullable Duration tokenTtl, @Nullable Duration clockSkew, @Nullable String rolesClaim,
                           @Nullable String tenantClaim, @Nullable String adminPassword,
                           @Nullable Integer bcryptCost) {

    public static final int MIN_SECRET_BYTES = 32;
    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final String DEFAULT_ISSUER = "flowgate";
    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofMinutes(15);
    public static final Duration MAX_TOKEN_TTL = Duration.ofHours(24);
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    public static final Duration DEFAULT_JWKS_REFRESH = Duration.ofMinutes(5);
    public static final Duration MIN_JWKS_REFRESH = Duration.ofSeconds(10);
    public static final String DEFAULT_ROLES_CLAIM = "roles";
    public static final String DEFAULT_TENANT_CLAIM = "tenant";
    public static final int DEFAULT_BCRYPT_COST = 12;
    /** bcrypt below 10 is too cheap to slow down guessing; above 15 a login takes seconds. */
    public static final int MIN_BCRYPT_COST = 10;
    public static final int MAX_BCRYPT_COST = 15;

    private static final Pattern CLAIM_PATH = Pattern.compile("[A-Za-z0-9_:/-]+(\\.[A-Za-z0-9_:/-]+)*");

    public AuthSettings {
        jwtSecret = blankToNull(jwtSecret);
        require(jwtSecret == null || jwtSecret.getBytes(StandardCharsets.UTF_8).length >= MIN_SECRET_BYTES,
                "flowgate.auth.jwt-secret (FLOWGATE_JWT_SECRET) must be at least " + MIN_SECRET_BYTES
                        + " bytes for HS256 (RFC 7518 §3.2); leave it unset to have a random one generated");
        jwksFile = blankToNull(jwksFile);
        jwksUrl = blankToNull(jwksUrl);
        checkUrl(jwksUrl);
        jwksRefresh = jwksRefresh == null ? DEFAULT_JWKS_REFRESH : jwksRefresh;
        require(jwksRefresh.compareTo(MIN_JWKS_REFRESH) >= 0,
                "flowgate.auth.jwks-refresh must be at least " + MIN_JWKS_REFRESH.toSeconds() + "s");
        issuer = blankToNull(issuer);
        audience = blankToNull(audience);
        tokenTtl = tokenTtl == null ? DEFAULT_TOKEN_TTL : tokenTtl;
        require(tokenTtl.toSeconds() >= 1 && tokenTtl.compareTo(MAX_TOKEN_TTL) <= 0,
                "flowgate.auth.token-ttl (FLOWGATE_TOKEN_TTL) must be between 1s and 24h, was " + tokenTtl);
        clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
        require(!clockSkew.isNegative() && clockSkew.compareTo(MAX_CLOCK_SKEW) <= 0,
                "flowgate.auth.clock-skew (FLOWGATE_CLOCK_SKEW) must be between 0s and 5m, was " + clockSkew);
        rolesClaim = claimPath("roles-claim", rolesClaim, DEFAULT_ROLES_CLAIM);
        tenantClaim = claimPath("tenant-claim", tenantClaim, DEFAULT_TENANT_CLAIM);
        adminPassword = blankToNull(adminPassword);
        require(adminPassword == null || adminPassword.length() >= MIN_PASSWORD_LENGTH,
                "flowgate.auth.admin-password (FLOWGATE_ADMIN_PASSWORD) must be at least " + MIN_PASSWORD_LENGTH
                        + " characters; leave it unset to have a random one generated and logged once");
        bcryptCost = bcryptCost == null ? DEFAULT_BCRYPT_COST : bcryptCost;
        require(bcryptCost >= MIN_BCRYPT_COST && bcryptCost <= MAX_BCRYPT_COST,
                "flowgate.auth.bcrypt-cost (FLOWGATE_BCRYPT_COST) must be between " + MIN_BCRYPT_COST + " and "
                        + MAX_BCRYPT_COST + ", was " + bcryptCost);
    }

    /** Every setting at its default. */
    public static AuthSettings defaults() {
        return new AuthSettings(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** {@code iss} of the tokens this gateway issues. */
    public String effectiveIssuer() {
        return issuer == null ? DEFAULT_ISSUER : issuer;
    }

    @Nullable
    public Path jwksPath() {
        return jwksFile == null ? null : Path.of(jwksFile);
    }

    public AuthSettings withJwtSecret(String secret) {
        return new AuthSettings(secret, jwksFile, jwksUrl, jwksRefresh, issuer, audience, tokenTtl, clockSkew,
                rolesClaim, tenantClaim, adminPassword, bcryptCost);
    }

    public AuthSettings withIssuerAndAudience(@Nullable String newIssuer, @Nullable String newAudience) {
        return new AuthSettings(jwtSecret, jwksFile, jwksUrl, jwksRefresh, newIssuer, newAudience, tokenTtl,
                clockSkew, rolesClaim, tenantClaim, adminPassword, bcryptCost);
    }

    public AuthSettings withClockSkew(Duration skew) {
        return new AuthSettings(jwtSecret, jwksFile, jwksUrl, jwksRefresh, issuer, audience, tokenTtl, skew,
                rolesClaim, tenantClaim, adminPassword, bcryptCost);
    }

    public AuthSettings withClaims(String roles, String tenant) {
        return new AuthSettings(jwtSecret, jwksFile, jwksUrl, jwksRefresh, issuer, audience, tokenTtl, clockSkew,
                roles, tenant, adminPassword, bcryptCost);
    }

    /** Secrets stay out of logs and error messages. */
    @Override
    public String toString() {
        return "AuthSettings[jwtSecret=" + (jwtSecret == null ? "generated" : "***") + ", jwksFile=" + jwksFile
                + ", jwksUrl=" + jwksUrl + ", jwksRefresh=" + jwksRefresh + ", issuer=" + issuer + ", audience="
                + audience + ", tokenTtl=" + tokenTtl + ", clockSkew=" + clockSkew + ", rolesClaim=" + rolesClaim
                + ", tenantClaim=" + tenantClaim + ", adminPassword=" + (adminPassword == null ? "unset" : "***")
                + ", bcryptCost=" + bcryptCost + "]";
    }

    private static void checkUrl(String url) {
        if (url == null) {
            return;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("flowgate.auth.jwks-url (FLOWGATE_JWKS_URL) is not a URL: " + url, e);
        }
        require(("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                        && uri.getHost() != null,
                "flowgate.auth.jwks-url (FLOWGATE_JWKS_URL) must be an http(s) URL, was " + url);
    }

    private static String claimPath(String property, String value, String fallback) {
        String path = value == null || value.isBlank() ? fallback : value.trim();
        require(CLAIM_PATH.matcher(path).matches(),
                "flowgate.auth." + property + " must be a claim name or a dotted path of claim names, was " + path);
        return path;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
