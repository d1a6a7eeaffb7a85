package io.flowgate.connectors.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which addresses an outbound call must not reach unless private networks are allowed: loopback, link-local (cloud
 * metadata included), private, shared, unspecified, multicast and reserved ranges, also when an IPv4 address hides
 * inside an IPv6 one. Shared by {@code http.request} and the gateway's webhook subscriptions.
 */
public final class NetworkRanges {

    private NetworkRanges() {
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
        return embeddedIpv4((Inet6Address) address).flatMap(NetworkRanges::forbiddenRange)
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

}
