package io.flowgate.gateway.authz;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The policy file ({@code flowgate.authz.policy-file}): casbin CSV of g lines, read once, read-only. */
class PolicyFileTest {

    @Test
    void readsGrantLinesSkippingCommentsAndBlanks() {
        Grants grants = AuthzFixtures.grants("grants.csv");

        assertThat(grants.fromFile()).containsExactly(new Grant("alice", "finance", "acme"),
                new Grant("carol", "store-manager", "*"), new Grant("erin", "admin", "acme"),
                new Grant("role:senior-manager", "store-manager", "*"),
                new Grant("role:ops-lead", "admin", "*"));
        assertThat(grants.stored()).isEmpty();
    }

    @Test
    void refusesPolicyLinesBecauseContractsOwnThem() {
        assertThatThrownBy(() -> AuthzFixtures.grants("with-policy-line.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("with-policy-line.csv line 2")
                .hasMessageContaining("x-required-roles");
    }

    @Test
    void refusesInvalidNamesWithTheirLine() {
        assertThatThrownBy(() -> AuthzFixtures.grants("with-bad-role.csv"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("with-bad-role.csv line 2: role");
    }

    @Test
    void refusesAMissingFileAtStartUp() {
        assertThatThrownBy(() -> new AuthzSettings("/no/such/grants.csv", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FLOWGATE_POLICY_FILE");
    }
}
