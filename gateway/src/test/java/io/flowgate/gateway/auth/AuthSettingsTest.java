package io.flowgate.gateway.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthSettingsTest {

    @Test
    void fillsInTheDefaults() {
        AuthSettings settings = new AuthSettings("", "", "", null, " ", "", null, null, "", null, "", null);
        assertThat(settings.jwtSecret()).isNull();
        assertThat(settings.jwksFile()).isNull();
        assertThat(settings.issuer()).isNull();
        assertThat(settings.effectiveIssuer()).isEqualTo(AuthSettings.DEFAULT_ISSUER);
        assertThat(settings.tokenTtl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.rolesClaim()).isEqualTo("roles");
        assertThat(settings.tenantClaim()).isEqualTo("tenant");
        assertThat(settings.adminPassword()).isNull();
        assertThat(settings.bcryptCost()).isEqualTo(AuthSettings.DEFAULT_BCRYPT_COST);
    }

    @Test
    void refusesASecretShorterThan32Bytes() {
        assertThatThrownBy(() -> AuthSettings.defaults().withJwtSecret("too-short"))
                .hasMessageContaining("FLOWGATE_JWT_SECRET").hasMessageContaining("32 bytes");
    }

    @Test
    void refusesAShortAdminPassword() {
        assertThatThrownBy(() -> new AuthSettings(null, null, null, null, null, null, null, null, null, null,
                "short", null)).hasMessageContaining("FLOWGATE_ADMIN_PASSWORD");
    }

    @Test
    void refusesOddValues() {
        assertThatThrownBy(() -> new AuthSettings(null, null, "ftp://x/jwks", null, null, null, null, null, null,
                null, null, null)).hasMessageContaining("FLOWGATE_JWKS_URL");
        assertThatThrownBy(() -> AuthSettings.defaults().withClockSkew(Duration.ofHours(1)))
                .hasMessageContaining("clock-skew");
        assertThatThrownBy(() -> new AuthSettings(null, null, null, null, null, null, null, null, null, null, null,
                4)).hasMessageContaining("bcrypt-cost");
    }

    @Test
    void keepsSecretsOutOfItsText() {
        AuthSettings settings = new AuthSettings("s3cret-s3cret-s3cret-s3cret-s3cret", null, null, null, null, null,
                null, null, null, null, "admin-password-123", null);
        assertThat(settings.toString()).doesNotContain("s3cret").doesNotContain("admin-password-123");
    }
}
