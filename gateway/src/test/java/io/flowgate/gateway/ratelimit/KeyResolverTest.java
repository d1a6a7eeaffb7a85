package io.flowgate.gateway.ratelimit;

import io.flowgate.contracts.RateLimitSpec.Key;
import io.flowgate.gateway.auth.Caller;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KeyResolverTest {

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource(nullValues = "-", value = {
            // subject, tenant, key,      expected
            "alice,     acme,   PRINCIPAL, sub:alice",
            "alice,     acme,   TENANT,    tenant:acme",
            "alice,     acme,   IP,        ip:10.0.0.7",
            "root,      -,      TENANT,    sub:root",
            "-,         -,      PRINCIPAL, ip:10.0.0.7",
            "-,         -,      TENANT,    ip:10.0.0.7",
            "-,         -,      IP,        ip:10.0.0.7"})
    void resolvesWhomALimitCounts(String subject, String tenant, Key key, String expected) {
        Caller caller = subject == null ? Caller.ANONYMOUS : new Caller(subject, tenant, Set.of(), Map.of());

        assertThat(KeyResolver.resolve(caller, key, "10.0.0.7")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {"-", "''"})
    void countsAnUnknownAddressAsOneClient(String ip) {
        assertThat(KeyResolver.resolve(Caller.ANONYMOUS, Key.IP, ip)).isEqualTo("ip:unknown");
    }
}
