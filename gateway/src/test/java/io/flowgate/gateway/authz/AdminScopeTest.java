package io.flowgate.gateway.authz;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each admin scope covers; a listing never reads "every tenant" from a caller without one. */
class AdminScopeTest {

    @Test
    void thePlatformAdminCoversEveryTenantAndTenantlessData() {
        assertThat(AdminScope.PLATFORM.covers("bistro")).isTrue();
        assertThat(AdminScope.PLATFORM.covers(null)).isTrue();
        assertThat(AdminScope.PLATFORM.tenantFilter()).as("no filter: every tenant").isNull();
    }

    @Test
    void aTenantAdminCoversItsTenantOnly() {
        AdminScope bistro = AdminScope.tenant("bistro");

        assertThat(bistro.covers("bistro")).isTrue();
        assertThat(bistro.covers("diner")).isFalse();
        assertThat(bistro.covers(null)).as("tenantless data is the platform's").isFalse();
        assertThat(bistro.tenantFilter()).isEqualTo("bistro");
    }

    @Test
    void noScopeCoversNothingAndHasNoFilterToGive() {
        assertThat(AdminScope.NONE.covers(null)).isFalse();
        assertThat(AdminScope.NONE.covers("bistro")).isFalse();
        assertThatThrownBy(AdminScope.NONE::tenantFilter).isInstanceOf(IllegalStateException.class);
    }
}
