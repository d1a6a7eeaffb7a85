package io.flowgate.gateway.authz;

import io.flowgate.gateway.problem.GatewayProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Which grants an admin sees and may write: rows of admin scope × grant domain. */
class GrantScopeTest {

    @ParameterizedTest(name = "{0} and a grant in {1}: sees {2}, may write {3}")
    @CsvSource(delimiter = '|', textBlock = """
            platform | bistro | true  | true
            platform | *      | true  | true
            bistro   | bistro | true  | true
            bistro   | diner  | false | false
            bistro   | *      | false | false
            none     | bistro | false | false
            """)
    void decides(String admin, String domain, boolean sees, boolean writes) {
        AdminScope scope = scope(admin);
        Grant grant = new Grant("ann", "auditor", domain);

        assertThat(GrantScope.sees(scope, grant)).isEqualTo(sees);
        GatewayProblem refused = catchThrowableOfType(GatewayProblem.class,
                () -> GrantScope.checkReplace(scope, List.of(grant)));
        assertThat(refused == null).isEqualTo(writes);
    }

    @Test
    void namesEveryGrantOutsideTheTenantAndThePlatformAdminScope() {
        GatewayProblem refused = catchThrowableOfType(GatewayProblem.class, () -> GrantScope.checkReplace(
                AdminScope.tenant("bistro"), List.of(new Grant("ann", "auditor", "bistro"),
                        new Grant("ann", "admin", "*"), new Grant("bob", "admin", "diner"))));

        assertThat(refused.problem().status()).isEqualTo(403);
        assertThat(refused.problem().extensions()).containsEntry("requiredScope", "platform-admin");
        assertThat(refused.problem().detail()).contains("grants[1] in every tenant (*)", "grants[2] in tenant 'diner'",
                "platform-admin", "the tenant admin of 'bistro'").doesNotContain("grants[0]");
    }

    @Test
    void leavesAGrantWithoutDomainToValidation() {
        GrantScope.checkReplace(AdminScope.tenant("bistro"), List.of(new Grant("ann", "auditor", null)));
    }

    private static AdminScope scope(String admin) {
        return switch (admin) {
            case "platform" -> AdminScope.PLATFORM;
            case "none" -> AdminScope.NONE;
            default -> AdminScope.tenant(admin);
        };
    }
}
