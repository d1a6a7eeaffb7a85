package io.flowgate.connectors.http.internal;

import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.http.HttpErrors;
import io.flowgate.connectors.http.HttpSettings;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether {@code http.request} may call a URL (no SSRF): http(s) only, the host on the allow-list, and, after
 * DNS resolution, no address in a loopback, private, link-local, multicast or unspecified range unless private
 * networks are allowed. Every address a name resolves to must pass, not just the first.
 */
public final class OutboundPolicy {

    /** DNS, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<String> allowedHosts;
    private final boolean allowPrivateNetworks;
    private final Resolver resolver;

    public OutboundPolicy(List<String> allowedHosts, boolean allowPrivateNetworks, Resolver resolver) {
        this.allowedHosts = List.copyOf(allowedHosts);
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.resolver = resolver;
    }

    public static OutboundPolicy of(HttpSettings settings) {
        return new OutboundPolicy(settings.getAllowedHosts(), settings.isAllowPrivateNetworks(),
                InetAddress::getAllByName);
    }

    /**
     * Refuses the URL with {@code HTTP_REFUSED} naming the host and the rule, or returns normally.
     *
     * @throws UnknownHostException when the name does not resolve (a technical fault: DNS may recover)
     */
    public void check(URI url) throws UnknownHostException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused("scheme '" + scheme + "' is not allowed: only http and https");
        }
        String host = HttpSettings.normaliseHost(String.valueOf(url.getHost()));
        if (!allowed(host)) {
            throw refused("host '" + host + "' is not in flowgate.http.allowed-hosts (FLOWGATE_HTTP_ALLOWED_HOSTS"
                    + (allowedHosts.isEmpty() ? ", empty: no host may be called)" : ")"));
        }
        if (allowPrivateNetworks) {
            return;
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        for (InetAddress address : resolver.resolve(bare)) {
            Optional<String> range = forbiddenRange(address);
            if (range.isPresent()) {
                throw refused("host '" + host + "' resolves to " + address.getHostAddress() + ", a " + range.get()
                        + " address; set flowgate.http.allow-private-networks=true "
                        + "(FLOWGATE_HTTP_ALLOW_PRIVATE_NETWORKS) to allow it");
            }
        }
    }

    boolean allowed(String host) {
        for (String pattern : allowedHosts) {
            if (pattern.startsWith("*.") ? host.endsWith(pattern.substring(1)) : host.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    /** The name of the forbidden range {@code address} is in, or empty for a public address. */
    public static Optional<String> forbiddenRange(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return Optional.of("unspecified (0.0.0.0/8)");
            }
            if (first == 100 && (second & 0xc0) == 64) {
                return Optional.of("private (shared 100.64.0.0/10)");
            }
            if (first >= 240) {
                return Optional.of("reserved or broadcast (240.0.0.0/4)");
            }
            return Optional.empty();
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return Optional.of("private (unique local fc00::/7)");
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return Optional.of("private (site-local fec0::/10)");
        }
        // an IPv4 address wrapped in IPv6 reaches the IPv4 host: judge that one
        return embeddedIpv4((Inet6Address) address).flatMap(OutboundPolicy::forbiddenRange)
                .map(range -> range + " (IPv4 inside IPv6)");
    }

    /** The IPv4 address inside an IPv4-compatible (::/96), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
    private static Optional<InetAddress> embeddedIpv4(Inet6Address address) {
        byte[] b = address.getAddress();
        int from;
        if (zero(b, 0, 12) || (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && zero(b, 4, 12))) {
            from = 12;
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            from = 2;
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, from, from + 4)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static ConnectorBusinessError refused(String rule) {
        return new ConnectorBusinessError(HttpErrors.HTTP_REFUSED, "http.request refused: " + rule);
    }
}
