package io.flowgate.contracts;

import io.flowgate.contracts.OperationPolicy.Idempotency;
import io.flowgate.contracts.internal.DefaultContractRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** x-required-roles, x-public, x-rate-limit and x-idempotency are read at publish time; bad values are findings. */
class PolicyExtensionsTest {

    private static DefaultContractRegistry registry;

    @BeforeAll
    static void setUp() {
        registry = Fixtures.registry();
    }

    private static String document(String method, String... extensions) {
        StringBuilder yaml = new StringBuilder("  /things:\n    " + method + ":\n      operationId: doIt\n"
                + "      x-flow-id: thing-flow\n");
        Arrays.stream(extensions).forEach(line -> yaml.append("      ").append(line).append('\n'));
        yaml.append("      responses: { '200': { description: ok } }\n");
        return Fixtures.document("Policies", yaml.toString());
    }

    private static OperationPolicy policy(String method, String... extensions) {
        PublishReport report = registry.check(document(method, extensions), null);
        assertThat(report.findings()).isEmpty();
        return report.contract().operations().get(0).policy();
    }

    @Test
    void readsRolesLimitAndIdempotency() {
        OperationPolicy policy = policy("post", "x-required-roles: [store-manager, finance]",
                "x-rate-limit: {limit: 100, window: 1s, key: tenant}", "x-idempotency: required");

        assertThat(policy.requiredRoles()).containsExactlyInAnyOrder("store-manager", "finance");
        assertThat(policy.isPublic()).isFalse();
        assertThat(policy.rateLimit()).get().satisfies(limit -> {
            assertThat(limit.limit()).isEqualTo(100);
            assertThat(limit.window()).isEqualTo(Duration.ofSeconds(1));
            assertThat(limit.key()).isEqualTo(RateLimitSpec.Key.TENANT);
        });
        assertThat(policy.idempotency()).isEqualTo(Idempotency.REQUIRED);
    }

    @Test
    void defaultsToAuthenticatedCallersTheDefaultLimitAndOptionalKeys() {
        OperationPolicy policy = policy("post");

        assertThat(policy).isEqualTo(OperationPolicy.DEFAULT);
    }

    @Test
    void readsPublicOperationsAndTheDefaultLimitKey() {
        OperationPolicy policy = policy("get", "x-public: true", "x-rate-limit: {limit: 5, window: 1m}");

        assertThat(policy.isPublic()).isTrue();
        assertThat(policy.rateLimit()).get().extracting(RateLimitSpec::key).isEqualTo(RateLimitSpec.Key.PRINCIPAL);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            roles not a list         | post | x-required-roles: admin                                  | x-required-roles: must be a non-empty list
            empty roles              | post | x-required-roles: []                                     | x-required-roles: must be a non-empty list
            odd role name            | post | x-required-roles: ['a b']                                | is not a role name
            public not boolean       | post | x-public: yes please                                     | x-public: must be true or false
            limit zero               | post | x-rate-limit: {limit: 0, window: 1s}                     | x-rate-limit: limit must be a whole number
            window missing           | post | x-rate-limit: {limit: 3}                                 | x-rate-limit: window is required
            window odd               | post | x-rate-limit: {limit: 3, window: soon}                   | x-rate-limit: window must be a duration
            key odd                  | post | x-rate-limit: {limit: 3, window: 1s, key: moon}          | x-rate-limit: key must be principal, tenant or ip
            unknown member           | post | x-rate-limit: {limit: 3, window: 1s, burst: 9}           | unknown member 'burst'
            idempotency odd          | post | x-idempotency: always                                    | x-idempotency: must be required or optional
            idempotency on get       | get  | x-idempotency: required                                  | only applies to POST and PATCH
            """)
    void refusesMalformedValues(String rule, String method, String extension, String reason) {
        PublishReport report = registry.check(document(method, extension), null);

        assertThat(report.findings()).anySatisfy(finding -> assertThat(finding.reason()).contains(reason));
    }

    @Test
    void refusesAnOperationThatIsBothPublicAndRoleBound() {
        PublishReport report = registry.check(document("post", "x-public: true", "x-required-roles: [admin]"), null);

        assertThat(report.findings()).anySatisfy(f -> assertThat(f.reason()).contains("cannot be public and"));
    }
}
