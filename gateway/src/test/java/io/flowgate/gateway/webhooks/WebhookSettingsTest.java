package io.flowgate.gateway.webhooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSettingsTest {

    @Test
    void defaultsAreValid() {
        assertThatCode(() -> new WebhookSettings().validate()).doesNotThrowAnyException();
    }

    @Test
    void refusesAReplayWindowShorterThanTwiceTheTolerance() {
        WebhookSettings settings = new WebhookSettings();
        settings.setReplayWindow(Duration.ofMinutes(9));

        assertThatThrownBy(settings::validate).hasMessage("flowgate.webhooks.replay-window (PT9M) must be at least"
                + " twice the tolerance (PT5M)");
    }

    @Test
    void refusesAToleranceOverAnHour() {
        WebhookSettings settings = new WebhookSettings();
        settings.setTolerance(Duration.ofHours(2));

        assertThatThrownBy(settings::validate).hasMessageStartingWith("flowgate.webhooks.tolerance"
                + " (FLOWGATE_WEBHOOK_TOLERANCE) must be between");
    }

    @Test
    void hasNoSecretsDirectoryByDefault() {
        assertThat(new WebhookSettings().secretsDirectory()).isEmpty();
    }

    @Test
    void refusesASecretsDirectoryThatIsNoDirectory(@TempDir Path dir) throws IOException {
        WebhookSettings settings = new WebhookSettings();
        settings.setSecretsDir(Files.writeString(dir.resolve("a-file"), "x").toString());

        assertThatThrownBy(settings::validate).hasMessageStartingWith("flowgate.webhooks.secrets-dir"
                + " (FLOWGATE_SECRETS_DIR) must be an existing directory, was ");
        settings.setSecretsDir(dir.resolve("missing").toString());
        assertThatThrownBy(settings::validate).hasMessageContaining("must be an existing directory");
        settings.setSecretsDir(dir.toString());
        assertThat(settings.secretsDirectory()).contains(dir);
    }
}
