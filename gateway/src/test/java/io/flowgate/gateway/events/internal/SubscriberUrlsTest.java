package io.flowgate.gateway.events.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscriberUrlsTest {

    private static SubscriberUrls resolvingTo(String address, boolean allowPrivate) {
        return new SubscriberUrls(allowPrivate, host -> new InetAddress[]{InetAddress.getByName(address)});
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1,       loopback",
            "::1,             loopback",
            "10.1.2.3,        private",
            "172.16.0.1,      private",
            "192.168.1.1,     private",
            "169.254.169.254, link-local",
            "fe80::1,         link-local",
            "fd00::1,         private (unique local",
            "0.0.0.0,         unspecified",
            "100.64.0.1,      shared 100.64.0.0/10",
            "::ffff:127.0.0.1, loopback",
            "64:ff9b::a9fe:a9fe, link-local (IPv4 inside IPv6)",
            "2002:7f00:1::,   loopback (IPv4 inside IPv6)",
    })
    void refusesHostsResolvingToInternalAddresses(String address, String range) {
        URI url = URI.create("https://hooks.example.com/in");

        assertThat(resolvingTo(address, false).addressProblem(url)).get().asString().contains(range)
                .contains("FLOWGATE_EVENTS_WEBHOOKS_ALLOW_PRIVATE_NETWORKS");
        assertThat(resolvingTo(address, true).addressProblem(url)).isEmpty();
    }

    @Test
    void acceptsPublicAddressesAndRefusesOneBadAddressAmongGoodOnes() throws UnknownHostException {
        URI url = URI.create("https://hooks.example.com/in");
        InetAddress good = InetAddress.getByName("93.184.216.34");
        InetAddress bad = InetAddress.getByName("10.0.0.1");

        assertThat(resolvingTo("93.184.216.34", false).addressProblem(url)).isEmpty();
        assertThat(new SubscriberUrls(false, host -> new InetAddress[]{good, bad}).addressProblem(url)).isPresent();
        assertThat(new SubscriberUrls(false, host -> {
            throw new UnknownHostException(host);
        }).addressProblem(url)).get().asString().contains("does not resolve");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "ftp://hooks.example.com/in,             https (or http)",
            "/relative/path,                         https (or http)",
            "file:///etc/passwd,                     https (or http)",
            "https://user:pw@hooks.example.com/in,   credentials",
            "https://hooks.example.com/in#frag,      fragment",
            "https://exa mple.com/,                  not a valid URL",
            "https:///nohost,                        no host",
    })
    void refusesUrlsThatAreNotPlainHttpEndpoints(String url, String reason) {
        assertThatThrownBy(() -> SubscriberUrls.parse(url)).hasMessageContaining(reason);
    }

    @Test
    void acceptsHttpsAndHttpUrlsWithPortsPathsAndQueries() {
        assertThat(SubscriberUrls.parse("https://hooks.example.com:8443/in?x=1").getPort()).isEqualTo(8443);
        assertThat(SubscriberUrls.parse("http://127.0.0.1:9000/hook").getHost()).isEqualTo("127.0.0.1");
    }
}
