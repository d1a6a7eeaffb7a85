package io.flowgate.gateway.authz;

import io.flowgate.contracts.Operation;
import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.authz.internal.CasbinAuthorizer;
import io.flowgate.gateway.authz.internal.DefaultGrants;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.flowgate.gateway.authz.AuthzFixtures.op;
import static io.flowgate.gateway.authz.CasbinAuthorizerTest.caller;
import static io.flowgate.gateway.authz.CasbinAuthorizerTest.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Grants and contracts change while the gateway runs; decisions follow at once, cached ones included. */
class RuntimePolicyChangesTest {

    private final Operation refunds = op("POST", "/refunds", "store-manager");
    private final AuthzFixtures.FakeRegistry registry = new AuthzFixtures.FakeRegistry(refunds);
    private final DefaultGrants grants = AuthzFixtures.grants(null);
    private final CasbinAuthorizer authorizer = new CasbinAuthorizer(registry, grants, AuthzSettings.defaults());
    private final Caller erin = caller("erin", "waiter", "acme");

    @Test
    void aGrantTakesEffectWithoutRestart() {
        assertThat(outcome(() -> authorizer.authorizeOperation(erin, refunds))).isEqualTo(403);

        grants.replace(List.of(new Grant("erin", "store-manager", "acme")));

        assertThat(outcome(() -> authorizer.authorizeOperation(erin, refunds))).isEqualTo(200);
        assertThat(outcome(() -> authorizer.authorizeOperation(caller("erin", "waiter", "globex"), refunds)))
                .isEqualTo(403);
    }

    @Test
    void removingAGrantRevokesACachedAllow() {
        grants.replace(List.of(new Grant("role:waiter", "store-manager", "*")));
        assertThat(outcome(() -> authorizer.authorizeOperation(erin, refunds))).isEqualTo(200);

        grants.replace(List.of());

        assertThat(outcome(() -> authorizer.authorizeOperation(erin, refunds))).isEqualTo(403);
    }

    @Test
    void aContractChangeDropsCachedDecisions() {
        Caller manager = caller("bob", "store-manager", "acme");
        assertThat(outcome(() -> authorizer.authorizeOperation(manager, refunds))).isEqualTo(200);

        // the new version requires finance instead
        Operation republished = op("POST", "/refunds", "finance");
        registry.publish(republished);

        assertThat(outcome(() -> authorizer.authorizeOperation(manager, republished))).isEqualTo(403);
        assertThat(outcome(() -> authorizer.authorizeOperation(caller("bob", "finance", "acme"), republished)))
                .isEqualTo(200);
    }

    @Test
    void refusesInvalidGrantsAndKeepsTheOldOnes() {
        grants.replace(List.of(new Grant("erin", "store-manager", "acme")));

        assertThatThrownBy(() -> grants.replace(List.of(new Grant("erin", "finance", "acme"),
                new Grant("bad name", "finance", "acme"), new Grant("erin", "finance", "ac*me"),
                new Grant("role:finance", "finance", "*"))))
                .isInstanceOfSatisfying(InvalidGrants.class, invalid -> assertThat(invalid.problems())
                        .hasSize(3)
                        .anySatisfy(p -> assertThat(p).startsWith("grants[1]: subject"))
                        .anySatisfy(p -> assertThat(p).startsWith("grants[2]: domain"))
                        .anySatisfy(p -> assertThat(p).startsWith("grants[3]: a role cannot")));

        assertThat(grants.stored()).containsExactly(new Grant("erin", "store-manager", "acme"));
        assertThat(outcome(() -> authorizer.authorizeOperation(erin, refunds))).isEqualTo(200);
    }
}
