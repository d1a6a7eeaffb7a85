package io.flowgate.gateway.webhooks;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** {@code flowgate.webhooks.*}, checked once by {@link #validate()}. */
@ConfigurationProperties("flowgate.webhooks")
public class WebhookSettings {

    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    public static final Duration DEFAULT_REPLAY_WINDOW = Duration.ofHours(24);
    public static final Duration DEFAULT_ACCEPT_TIMEOUT = Duration.ofSeconds(10);

    private Duration tolerance = DEFAULT_TOLERANCE;
    private Duration replayWindow = DEFAULT_REPLAY_WINDOW;
    private Duration acceptTimeout = DEFAULT_ACCEPT_TIMEOUT;
    private String secretsDir;

    public void validate() {
        check("tolerance", "FLOWGATE_WEBHOOK_TOLERANCE", tolerance, Duration.ofSeconds(1), Duration.ofHours(1));
        check("replay-window", "FLOWGATE_WEBHOOK_REPLAY_WINDOW", replayWindow, Duration.ofSeconds(2),
                Duration.ofDays(30));
        check("accept-timeout", "FLOWGATE_WEBHOOK_ACCEPT_TIMEOUT", acceptTimeout, Duration.ZERO,
                Duration.ofMinutes(1));
        // a signed timestamp passes from `tolerance` before it to `tolerance` after it: a delivery id must be
        // remembered at least that long, or a captured request could be sent again once its id was forgotten
        if (replayWindow.compareTo(tolerance.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("flowgate.webhooks.replay-window (" + replayWindow
                    + ") must be at least twice the tolerance (" + tolerance + ")");
        }
        secretsDirectory().filter(dir -> !Files.isDirectory(dir)).ifPresent(dir -> {
            throw new IllegalArgumentException("flowgate.webhooks.secrets-dir (FLOWGATE_SECRETS_DIR) must be an "
                    + "existing directory, was " + secretsDir);
        });
    }

    private static void check(String name, String env, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("flowgate.webhooks." + name + " (" + env + ") must be between "
                    + min + " and " + max + ", was " + value);
        }
    }

    public Duration getTolerance() {
        return tolerance;
    }

    public void setTolerance(Duration tolerance) {
        this.tolerance = tolerance;
    }

    public Duration getReplayWindow() {
        return replayWindow;
    }

    public void setReplayWindow(Duration replayWindow) {
        this.replayWindow = replayWindow;
    }

    /** How long an answer waits for a started flow's first commit, so 2xx means "kept". */
    public Duration getAcceptTimeout() {
        return acceptTimeout;
    }

    public void setAcceptTimeout(Duration acceptTimeout) {
        this.acceptTimeout = acceptTimeout;
    }

    /**
     * The only directory {@code x-webhook} {@code file:} secrets are read from; empty (the default) refuses
     * {@code file:} secrets: without it a contract publisher could name any file the gateway can read.
     */
    public Optional<Path> secretsDirectory() {
        return secretsDir == null || secretsDir.isBlank() ? Optional.empty() : Optional.of(Path.of(secretsDir));
    }

    public String getSecretsDir() {
        return secretsDir;
    }

    public void setSecretsDir(String secretsDir) {
        this.secretsDir = secretsDir;
    }
}
