package io.flowgate.gateway.authz;

import io.flowgate.contracts.Operation;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.authz.internal.CasbinAuthorizer;
import io.flowgate.gateway.problem.GatewayProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.flowgate.gateway.authz.AuthzFixtures.op;
import static io.flowgate.gateway.authz.AuthzFixtures.publicOp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The decision table: model + policies built from a small contract and the grants of {@code grants.csv}
 * (alice: finance in acme; carol: store-manager everywhere; erin: admin in acme; senior-manager ⊇ store-manager;
 * ops-lead ⊇ admin).
 */
class CasbinAuthorizerTest {

    private static final List<Operation> SHOP = List.of(
            publicOp("GET", "/menu"),
            op("GET", "/orders/{id}"),
            op("POST", "/refunds", "store-manager", "finance"),
            op("GET", "/refunds", "auditor"),
            op("POST", "/payouts", "finance"));

    private final CasbinAuthorizer authorizer = new CasbinAuthorizer(
            new AuthzFixtures.FakeRegistry(SHOP.toArray(Operation[]::new)), AuthzFixtures.grants("grants.csv"),
            AuthzSettings.defaults());

    @ParameterizedTest(name = "{0} {1} in {2}: {3} → {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -      | -                    | -      | GET /menu        | 200
            -      | -                    | -      | GET /orders/{id} | 401
            -      | -                    | -      | POST /refunds    | 401
            bob    | -                    | acme   | GET /menu        | 200
            bob    | -                    | acme   | GET /orders/{id} | 200
            bob    | -                    | acme   | POST /refunds    | 403
            bob    | store-manager        | acme   | POST /refunds    | 200
            bob    | store-manager        | globex | POST /refunds    | 200
            bob    | finance              | acme   | POST /refunds    | 200
            bob    | store-manager        | acme   | POST /payouts    | 403
            bob    | store-manager        | acme   | GET /refunds     | 403
            bob    | auditor              | acme   | POST /refunds    | 403
            bob    | auditor              | acme   | GET /refunds     | 200
            bob    | Store-Manager        | acme   | POST /refunds    | 403
            bob    | senior-manager       | acme   | POST /refunds    | 200
            bob    | senior-manager       | acme   | POST /payouts    | 403
            bob    | waiter cook          | acme   | POST /refunds    | 403
            bob    | waiter store-manager | acme   | POST /refunds    | 200
            bob    | store-manager        | -      | POST /refunds    | 200
            alice  | -                    | acme   | POST /payouts    | 200
            alice  | -                    | globex | POST /payouts    | 403
            alice  | -                    | -      | POST /payouts    | 403
            carol  | -                    | globex | POST /refunds    | 200
            carol  | -                    | globex | POST /payouts    | 403
            finance| -                    | acme   | POST /payouts    | 403
            """)
    void decides(String subject, String roles, String tenant, String operation, int expected) {
        Caller caller = caller(subject, roles, tenant);

        int outcome = outcome(() -> authorizer.authorizeOperation(caller, find(operation)));

        assertThat(outcome).isEqualTo(expected);
    }

    /**
     * The one authority on admins: the role admin in the caller's tenant, from the token or a grant; no tenant makes
     * the platform admin. A grant of admin in one tenant never makes a tenantless caller an admin of anything.
     */
    @ParameterizedTest(name = "{0} {1} in {2} → {3} {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -      | -                    | -      | NONE     | -
            dave   | -                    | -      | NONE     | -
            dave   | store-manager        | acme   | NONE     | -
            dave   | admin                | -      | PLATFORM | -
            dave   | admin                | acme   | TENANT   | acme
            dave   | ops-lead             | -      | PLATFORM | -
            dave   | ops-lead             | globex | TENANT   | globex
            admin  | -                    | -      | NONE     | -
            erin   | -                    | acme   | TENANT   | acme
            erin   | -                    | globex | NONE     | -
            erin   | -                    | -      | NONE     | -
            """)
    void decidesTheAdminScope(String subject, String roles, String tenant, AdminScope.Kind kind, String of) {
        AdminScope scope = authorizer.adminScope(caller(subject, roles, tenant));

        assertThat(scope).isEqualTo(new AdminScope(kind, of));
    }

    @Test
    void answersAnonymousCallersWithABearerChallenge() {
        GatewayProblem problem = catchThrowableOfType(GatewayProblem.class,
                () -> authorizer.authorizeOperation(Caller.ANONYMOUS, find("POST /refunds")));

        assertThat(problem.problem().status()).isEqualTo(401);
        assertThat(problem.headers()).containsEntry("WWW-Authenticate", "Bearer realm=\"flowgate\"");
    }

    @Test
    void namesTheOperationAndTheRolesThatWouldAllowIt() {
        GatewayProblem problem = catchThrowableOfType(GatewayProblem.class,
                () -> authorizer.authorizeOperation(caller("bob", "waiter", "acme"), find("POST /refunds")));

        assertThat(problem.problem().status()).isEqualTo(403);
        assertThat(problem.problem().code()).isEqualTo("forbidden");
        assertThat(problem.problem().detail()).contains("POST /refunds", "shop", "finance, store-manager");
        assertThat(problem.problem().extensions()).containsEntry("requiredRoles",
                List.of("finance", "store-manager"));
    }

    static Caller caller(String subject, String roles, String tenant) {
        if (subject == null) {
            return Caller.ANONYMOUS;
        }
        Set<String> roleSet = roles == null ? Set.of()
                : Arrays.stream(roles.split(" ")).filter(r -> !r.isBlank()).collect(Collectors.toSet());
        return new Caller(subject, tenant, roleSet, Map.of());
    }

    static int outcome(Runnable decision) {
        try {
            decision.run();
            return 200;
        } catch (GatewayProblem problem) {
            return problem.problem().status();
        }
    }

    private static Operation find(String label) {
        return SHOP.stream().filter(op -> (op.method() + " " + op.path()).equals(label)).findFirst().orElseThrow();
    }
}
