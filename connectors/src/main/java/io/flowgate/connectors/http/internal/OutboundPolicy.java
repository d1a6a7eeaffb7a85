package io.flowgate.connectors.http.internal;

import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.http.HttpErrors;
import io.flowgate.connectors.http.HttpSettings;
import io.flowgate.connectors.http.NetworkRanges;

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
        return NetworkRanges.forbiddenRange(address);
    }

    private static ConnectorBusinessError refused(String rule) {
        return new ConnectorBusinessError(HttpErrors.HTTP_REFUSED, "http.request refused: " + rule);
    }
}
