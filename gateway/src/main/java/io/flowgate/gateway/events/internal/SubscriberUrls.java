package io.flowgate.gateway.events.internal;

import io.flowgate.connectors.http.NetworkRanges;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs webhooks may be sent to (no SSRF): absolute http(s) URLs without credentials or fragment, whose host —
 * after DNS resolution, every address it resolves to — is not loopback, private, link-local (cloud metadata
 * included), unspecified, multicast or reserved, unless private networks are allowed. Checked when a subscription is
 * made and again before every attempt (DNS may change in between).
 *
 * <p>The same ranges as {@code http.request}'s outbound policy, which lives inside the connectors module. Known gap,
 * shared with it: the HTTP client resolves the name again when it connects, so a DNS answer changing in that moment
 * (rebinding) is not caught.
 */
public final class SubscriberUrls {

    public static final int MAX_LENGTH = 2000;

    /** DNS, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivateNetworks;
    private final Resolver resolver;

    public SubscriberUrls(boolean allowPrivateNetworks, Resolver resolver) {
        this.allowPrivateNetworks = allowPrivateNetworks;
        this.resolver = resolver;
    }

    /** The URL, or why it is not one webhooks may be sent to (syntax only; see {@link #addressProblem}). */
    public static URI parse(String text) throws IllegalArgumentException {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("url is longer than " + MAX_LENGTH + " characters");
        }
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url is not a valid URL: " + e.getReason());
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("url must be an absolute https (or http) URL, was '" + text + "'");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("url has no host (or one with characters a host cannot have)");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("url must not carry credentials (user:password@); the signature "
                    + "authenticates deliveries");
        }
        if (url.getRawFragment() != null) {
            throw new IllegalArgumentException("url must not have a fragment (#…)");
        }
        return url;
    }

    /**
     * Why the URL's host may not be called — it does not resolve, or resolves to a forbidden address — or empty.
     */
    public Optional<String> addressProblem(URI url) {
        if (allowPrivateNetworks) {
            return Optional.empty();
        }
        String host = url.getHost();
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : IDN.toASCII(host);
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return Optional.of("host '" + host + "' does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> range = forbiddenRange(address);
            if (range.isPresent()) {
                return Optional.of("host '" + host + "' resolves to " + address.getHostAddress() + ", a "
                        + range.get() + " address; set flowgate.events.webhooks.allow-private-networks=true "
                        + "(FLOWGATE_EVENTS_WEBHOOKS_ALLOW_PRIVATE_NETWORKS) to allow it");
            }
        }
        return Optional.empty();
    }

    /** The name of the forbidden range {@code address} is in, or empty for a public address. */
    static Optional<String> forbiddenRange(InetAddress address) {
        return NetworkRanges.forbiddenRange(address);
    }
}
