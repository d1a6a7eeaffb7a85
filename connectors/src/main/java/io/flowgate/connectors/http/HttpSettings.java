package io.flowgate.connectors.http;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.net.IDN;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code flowgate.http.*} ({@code FLOWGATE_HTTP_*}), checked once by {@link #validate()}.
 *
 * <p>Outbound calls are closed by default: with an empty {@code allowed-hosts} no host may be called, and private,
 * loopback and link-local addresses stay refused until {@code allow-private-networks} is switched on.
 */
@ConfigurationProperties("flowgate.http")
public class HttpSettings {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The longest timeout a flow may ask for (and the upper bound of {@code default-timeout}). */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_RESPONSE_SIZE = 1024 * 1024;

    private List<String> allowedHosts = List.of();
    private boolean allowPrivateNetworks = false;
    private Duration defaultTimeout = DEFAULT_TIMEOUT;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private int maxResponseSize = DEFAULT_MAX_RESPONSE_SIZE;

    public HttpSettings validate() {
        for (String pattern : allowedHosts) {
            String host = pattern.startsWith("*.") ? pattern.substring(2) : pattern;
            if (host.isEmpty() || host.contains("*") || host.contains("/") || host.contains(":") && !host.startsWith("[")) {
                throw new IllegalArgumentException("flowgate.http.allowed-hosts (FLOWGATE_HTTP_ALLOWED_HOSTS) takes "
                        + "host names, IP literals or *.example.com patterns (no scheme, port, path or bare *), was '"
                        + pattern + "'");
            }
        }
        check("default-timeout", "FLOWGATE_HTTP_DEFAULT_TIMEOUT", defaultTimeout, Duration.ofMillis(100), MAX_TIMEOUT);
        check("connect-timeout", "FLOWGATE_HTTP_CONNECT_TIMEOUT", connectTimeout, Duration.ofMillis(100), MAX_TIMEOUT);
        if (maxResponseSize < 1024 || maxResponseSize > 64 * 1024 * 1024) {
            throw new IllegalArgumentException("flowgate.http.max-response-size (FLOWGATE_HTTP_MAX_RESPONSE_SIZE) "
                    + "must be between 1024 and 67108864 bytes, was " + maxResponseSize);
        }
        return this;
    }

    private static void check(String name, String env, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("flowgate.http." + name + " (" + env + ") must be between " + min
                    + " and " + max + ", was " + value);
        }
    }

    /** Normalised patterns: lower-case ASCII (IDN), no trailing dot, never blank. */
    public List<String> getAllowedHosts() {
        return allowedHosts;
    }

    /**
     * Accepts a list or comma-separated text (the environment variable arrives as one string), so both
     * {@code [a, b]} and {@code "a,b"} work.
     */
    public void setAllowedHosts(List<String> allowedHosts) {
        List<String> normalised = new ArrayList<>();
        if (allowedHosts != null) {
            for (String entry : allowedHosts) {
                for (String part : entry == null ? new String[0] : entry.split(",")) {
                    String host = normaliseHost(part);
                    if (!host.isEmpty()) {
                        normalised.add(host);
                    }
                }
            }
        }
        this.allowedHosts = List.copyOf(normalised);
    }

    /** Lower-case ASCII form of a host name or pattern, without a trailing dot. */
    public static String normaliseHost(String host) {
        String trimmed = host.trim().toLowerCase(Locale.ROOT);
        if (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty() || trimmed.startsWith("[")) {
            return trimmed;
        }
        try {
            return IDN.toASCII(trimmed, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return trimmed; // never matches a real host: the allow-list check refuses it
        }
    }

    public boolean isAllowPrivateNetworks() {
        return allowPrivateNetworks;
    }

    public void setAllowPrivateNetworks(boolean allowPrivateNetworks) {
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    public Duration getDefaultTimeout() {
        return defaultTimeout;
    }

    public void setDefaultTimeout(Duration defaultTimeout) {
        this.defaultTimeout = defaultTimeout;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public int getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(int maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }
}
