package io.flowgate.connectors.payments;

import io.flowgate.connectors.signing.WebhookSecret;

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
    public static final Duration DEFAULT_SANDBOX_SETTLE_DELAY = Duration.ofSeconds(2);
    /** Standard Webhooks secrets are this prefix followed by the base64 of the key ({@link WebhookSecret}). */
    public static final String WEBHOOK_SECRET_PREFIX = WebhookSecret.PREFIX;
    public static final int MIN_WEBHOOK_KEY_BYTES = WebhookSecret.MIN_KEY_BYTES;
    public static final int MAX_WEBHOOK_KEY_BYTES = WebhookSecret.MAX_KEY_BYTES;

    private String provider = SANDBOX;
    private String url = "";
    private int sandboxPort = 0;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration sandboxSlowDelay = DEFAULT_SANDBOX_SLOW_DELAY;
    private String sandboxWebhookUrl = "";
    private String sandboxWebhookSecret = "";
    private Duration sandboxSettleDelay = DEFAULT_SANDBOX_SETTLE_DELAY;

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
            checkHttpUrl("url", "FLOWGATE_PAYMENTS_URL", url);
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
        check("sandbox-settle-delay", "FLOWGATE_PAYMENTS_SANDBOX_SETTLE_DELAY", sandboxSettleDelay, Duration.ZERO,
                Duration.ofHours(1));
        validateWebhook();
    }

    private void validateWebhook() {
        if (hasSandboxWebhookUrl()) {
            checkHttpUrl("sandbox-webhook-url", "FLOWGATE_PAYMENTS_SANDBOX_WEBHOOK_URL", sandboxWebhookUrl);
            if (sandboxWebhookSecret.isBlank()) {
                throw new IllegalArgumentException("flowgate.payments.sandbox-webhook-url is set: set "
                        + "flowgate.payments.sandbox-webhook-secret (FLOWGATE_PAYMENTS_SANDBOX_WEBHOOK_SECRET) to the "
                        + "Standard Webhooks secret the receiver verifies with");
            }
        }
        if (!sandboxWebhookSecret.isBlank()) {
            sandboxWebhookKey();
        }
    }

    /**
     * The HMAC key of {@code sandbox-webhook-secret}: the base64 after {@code whsec_}, of 24 to 64 bytes. The
     * secret itself never appears in a message.
     */
    public byte[] sandboxWebhookKey() {
        String problem = "flowgate.payments.sandbox-webhook-secret (FLOWGATE_PAYMENTS_SANDBOX_WEBHOOK_SECRET) must be "
                + WEBHOOK_SECRET_PREFIX + " followed by the base64 of a " + MIN_WEBHOOK_KEY_BYTES + " to "
                + MAX_WEBHOOK_KEY_BYTES + " byte key";
        try {
            return WebhookSecret.key(sandboxWebhookSecret.trim());
        } catch (WebhookSecret.Invalid invalid) {
            throw new IllegalArgumentException(problem + switch (invalid.reason()) {
                case NO_PREFIX -> " (it does not start with " + WEBHOOK_SECRET_PREFIX + ")";
                case NOT_BASE64 -> " (the rest is not base64)";
                case KEY_SIZE -> " (the key has " + invalid.keyBytes() + " bytes)";
            });
        }
    }

    /** Whether the sandbox calls back when it settles a pending payment. */
    public boolean hasSandboxWebhookUrl() {
        return sandboxWebhookUrl != null && !sandboxWebhookUrl.isBlank();
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

    private static void checkHttpUrl(String name, String env, String value) {
        URI uri;
        try {
            uri = URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
                || uri.getHost() == null) {
            throw new IllegalArgumentException("flowgate.payments." + name + " (" + env + ") must be an http(s) URL, "
                    + "was " + value);
        }
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

    public String getSandboxWebhookUrl() {
        return sandboxWebhookUrl;
    }

    public void setSandboxWebhookUrl(String sandboxWebhookUrl) {
        this.sandboxWebhookUrl = sandboxWebhookUrl == null ? "" : sandboxWebhookUrl;
    }

    public String getSandboxWebhookSecret() {
        return sandboxWebhookSecret;
    }

    public void setSandboxWebhookSecret(String sandboxWebhookSecret) {
        this.sandboxWebhookSecret = sandboxWebhookSecret == null ? "" : sandboxWebhookSecret;
    }

    public Duration getSandboxSettleDelay() {
        return sandboxSettleDelay;
    }

    public void setSandboxSettleDelay(Duration sandboxSettleDelay) {
        this.sandboxSettleDelay = sandboxSettleDelay;
    }
}
