package io.flowgate.connectors.payments;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/** {@code flowgate.payments.*} ({@code FLOWGATE_PAYMENTS_*}), checked once by {@link #validate()}. */
@ConfigurationProperties("flowgate.payments")
public class PaymentSettings {

    /** Start the built-in sandbox and, unless {@code url} says otherwise, talk to it. */
    public static final String SANDBOX = "sandbox";
    /** Talk to a compatible provider at {@code url}; no sandbox. */
    public static final String HTTP = "http";

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_SANDBOX_SLOW_DELAY = Duration.ofSeconds(1);

    private String provider = SANDBOX;
    private String url = "";
    private int sandboxPort = 0;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration sandboxSlowDelay = DEFAULT_SANDBOX_SLOW_DELAY;

    public void validate() {
        if (!SANDBOX.equals(provider) && !HTTP.equals(provider)) {
            throw new IllegalArgumentException("flowgate.payments.provider (FLOWGATE_PAYMENTS_PROVIDER) must be "
                    + SANDBOX + " or " + HTTP + ", was " + provider);
        }
        if (HTTP.equals(provider) && !hasUrl()) {
            throw new IllegalArgumentException("flowgate.payments.provider is " + HTTP
                    + ": set flowgate.payments.url (FLOWGATE_PAYMENTS_URL) to the provider's base URL");
        }
        if (hasUrl()) {
            URI uri = URI.create(url.trim());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("flowgate.payments.url (FLOWGATE_PAYMENTS_URL) must be an http(s) "
                        + "URL, was " + url);
            }
        }
        if (sandboxPort < 0 || sandboxPort > 65535) {
            throw new IllegalArgumentException("flowgate.payments.sandbox-port (FLOWGATE_PAYMENTS_SANDBOX_PORT) must be "
                    + "0 (any free port) to 65535, was " + sandboxPort);
        }
        check("connect-timeout", "FLOWGATE_PAYMENTS_CONNECT_TIMEOUT", connectTimeout, Duration.ofMillis(50),
                Duration.ofMinutes(1));
        check("read-timeout", "FLOWGATE_PAYMENTS_READ_TIMEOUT", readTimeout, Duration.ofMillis(50),
                Duration.ofMinutes(5));
        check("sandbox-slow-delay", "FLOWGATE_PAYMENTS_SANDBOX_SLOW_DELAY", sandboxSlowDelay, Duration.ZERO,
                Duration.ofMinutes(1));
        if (sandboxSlowDelay.compareTo(readTimeout) >= 0) {
            throw new IllegalArgumentException("flowgate.payments.sandbox-slow-delay (" + sandboxSlowDelay
                    + ") must be shorter than the read-timeout (" + readTimeout + "): 'slow' answers within it");
        }
    }

    /**
     * How long the sandbox sleeps for a {@code timeout} payment: past the read timeout, so the client gives up first.
     */
    public Duration sandboxTimeoutDelay() {
        return readTimeout.plusSeconds(1);
    }

    public boolean hasUrl() {
        return url != null && !url.isBlank();
    }

    private static void check(String name, String env, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("flowgate.payments." + name + " (" + env + ") must be between "
                    + min + " and " + max + ", was " + value);
        }
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider == null ? null : provider.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url == null ? "" : url;
    }

    public int getSandboxPort() {
        return sandboxPort;
    }

    public void setSandboxPort(int sandboxPort) {
        this.sandboxPort = sandboxPort;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public Duration getSandboxSlowDelay() {
        return sandboxSlowDelay;
    }

    public void setSandboxSlowDelay(Duration sandboxSlowDelay) {
        this.sandboxSlowDelay = sandboxSlowDelay;
    }
}
