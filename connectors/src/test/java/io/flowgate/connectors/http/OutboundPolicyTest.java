package io.flowgate.connectors.http;

import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.http.internal.OutboundPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SSRF rules, checked on literal addresses and a fake DNS: nothing here sends traffic anywhere. */
class OutboundPolicyTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1, loopback", "127.8.9.10, loopback", "::1, loopback",
            "10.0.0.1, private", "172.16.0.1, private", "172.31.255.255, private", "192.168.1.1, private",
            "fc00::1, private (unique local fc00::/7)", "fd12:3456::1, private (unique local fc00::/7)",
            "100.64.0.1, private (shared 100.64.0.0/10)",
            "169.254.169.254, link-local", "fe80::1, link-local",
            "0.0.0.0, unspecified", "::, unspecified", "0.1.2.3, unspecified (0.0.0.0/8)",
            "224.0.0.1, multicast", "ff02::1, multicast", "255.255.255.255, reserved or broadcast (240.0.0.0/4)",
            "::ffff:127.0.0.1, loopback", "::ffff:10.0.0.1, private",
            "64:ff9b::a9fe:a9fe, link-local (IPv4 inside IPv6)", "2002:7f00:1::, loopback (IPv4 inside IPv6)"})
    void refusesForbiddenRanges(String address, String range) throws Exception {
        assertThat(OutboundPolicy.forbiddenRange(InetAddress.getByName(address))).contains(range);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
            "64:ff9b::808:808"})
    void allowsPublicAddresses(String address) throws Exception {
        assertThat(OutboundPolicy.forbiddenRange(InetAddress.getByName(address))).isEmpty();
    }

    private static final Map<String, String> DNS = Map.of("api.example.com", "93.184.216.34",
            "deep.api.example.com", "93.184.216.35", "internal.example.com", "10.1.2.3",
            "partner.example.org", "93.184.216.36");

    private static OutboundPolicy policy(boolean allowPrivate, String... hosts) {
        HttpSettings settings = new HttpSettings();
        settings.setAllowedHosts(List.of(hosts));
        return new OutboundPolicy(settings.getAllowedHosts(), allowPrivate,
                host -> new InetAddress[]{InetAddress.getByName(DNS.getOrDefault(host, "203.0.113.9"))});
    }

    @Test
    void matchesExactHostsAndWildcardSubdomainsCaseInsensitively() {
        OutboundPolicy policy = policy(false, "*.Example.com", "partner.example.org.");

        assertThatCode(() -> policy.check(URI.create("https://api.example.com/v1"))).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(URI.create("https://DEEP.api.example.com/"))).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(URI.create("http://partner.example.org:8080/x")))
                .doesNotThrowAnyException();
        for (String refused : List.of("https://example.com/", "https://evil-example.com/",
                "https://api.example.com.evil.net/", "https://other.example.org/")) {
            assertThatThrownBy(() -> policy.check(URI.create(refused))).as(refused)
                    .isInstanceOf(ConnectorBusinessError.class).hasMessageContaining("not in flowgate.http.allowed");
        }
    }

    @Test
    void refusesAnAllowListedNameThatResolvesToAPrivateAddress() {
        assertThatThrownBy(() -> policy(false, "*.example.com").check(URI.create("https://internal.example.com/")))
                .isInstanceOfSatisfying(ConnectorBusinessError.class,
                        e -> assertThat(e.code()).isEqualTo(HttpErrors.HTTP_REFUSED))
                .hasMessageContaining("'internal.example.com' resolves to 10.1.2.3, a private address");
        assertThatCode(() -> policy(true, "*.example.com").check(URI.create("https://internal.example.com/")))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesWhenAnyOfSeveralAddressesIsPrivate() throws Exception {
        InetAddress[] both = {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("127.0.0.1")};
        OutboundPolicy policy = new OutboundPolicy(List.of("mixed.example.com"), false, host -> both);

        assertThatThrownBy(() -> policy.check(URI.create("https://mixed.example.com/")))
                .hasMessageContaining("127.0.0.1, a loopback address");
    }
}
