package io.flowgate.gateway.users;

import io.flowgate.gateway.authz.AdminScope;
import io.flowgate.gateway.problem.GatewayProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Where an admin may put users and which it manages: rows of admin scope × request → outcome. {@code -} is null;
 * a tenant written {@code (absent)} was not sent at all.
 */
class UserScopeTest {

    @ParameterizedTest(name = "{0} creates a user with tenant {1} → {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            platform | -        | -
            platform | (absent) | -
            platform | diner    | diner
            bistro   | (absent) | bistro
            bistro   | bistro   | bistro
            bistro   | -        | 403
            bistro   | diner    | 403
            none     | (absent) | 403
            """)
    void placesANewUser(String admin, String tenant, String outcome) {
        NewUser request = "(absent)".equals(tenant) ? new NewUser("ann", "x", List.of("admin"), null, false)
                : new NewUser("ann", "x", List.of("admin"), tenant, true);

        if ("403".equals(outcome)) {
            assertRefused(() -> UserScope.place(scope(admin), request), admin);
        } else {
            assertThat(UserScope.place(scope(admin), request).tenant()).isEqualTo(outcome);
        }
    }

    @ParameterizedTest(name = "{0} moves a user to {1} → {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            platform | -        | allowed
            platform | diner    | allowed
            bistro   | (absent) | allowed
            bistro   | bistro   | allowed
            bistro   | diner    | 403
            bistro   | -        | 403
            """)
    void keepsATenantAdminsChangesInItsTenant(String admin, String tenant, String outcome) {
        UserChange change = "(absent)".equals(tenant) ? new UserChange(null, List.of("admin"), false, null)
                : new UserChange(null, null, true, tenant);

        if ("403".equals(outcome)) {
            assertRefused(() -> UserScope.checkChange(scope(admin), change), admin);
        } else {
            UserScope.checkChange(scope(admin), change);
        }
    }

    @ParameterizedTest(name = "{0} manages a user of tenant {1} with roles {2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            platform | bistro | waiter | true
            platform | -      | admin  | true
            bistro   | bistro | admin  | true
            bistro   | diner  | waiter | false
            bistro   | -      | waiter | false
            bistro   | -      | admin  | false
            none     | bistro | waiter | false
            """)
    void managesOnlyTheUsersOfItsTenant(String admin, String tenant, String role, boolean manages) {
        User user = new User("bob", List.of(role), tenant, false, Instant.EPOCH, Instant.EPOCH);

        assertThat(UserScope.manages(scope(admin), user)).isEqualTo(manages);
    }

    private static void assertRefused(Runnable action, String admin) {
        GatewayProblem problem = catchThrowableOfType(GatewayProblem.class, action::run);
        assertThat(problem).isNotNull();
        assertThat(problem.problem().status()).isEqualTo(403);
        assertThat(problem.problem().code()).isEqualTo("insufficient-scope");
        assertThat(problem.problem().extensions()).containsEntry("requiredScope",
                admin.equals("none") ? "tenant-admin" : "platform-admin");
    }

    static AdminScope scope(String admin) {
        return switch (admin) {
            case "platform" -> AdminScope.PLATFORM;
            case "none" -> AdminScope.NONE;
            default -> AdminScope.tenant(admin);
        };
    }
}
