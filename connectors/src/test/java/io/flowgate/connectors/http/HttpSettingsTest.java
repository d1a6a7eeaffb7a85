package io.flowgate.connectors.http;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpSettingsTest {

    @Test
    void isClosedByDefault() {
        HttpSettings settings = new HttpSettings();

        assertThatCode(settings::validate).doesNotThrowAnyException();
        assertThat(settings.getAllowedHosts()).isEmpty();
        assertThat(settings.isAllowPrivateNetworks()).isFalse();
        assertThat(settings.getDefaultTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.getMaxResponseSize()).isEqualTo(1024 * 1024);
    }

    @Test
    void readsACommaSeparatedEnvironmentValue() {
        HttpSettings settings = new HttpSettings();
        settings.setAllowedHosts(List.of(" API.example.com , *.Partner.org.,,"));

        assertThat(settings.validate().getAllowedHosts()).containsExactly("api.example.com", "*.partner.org");
    }

    @Test
    void refusesABareWildcardOrAUrlInTheAllowList() {
        for (String wrong : List.of("*", "https://api.example.com", "api.example.com:8443", "a.*.com")) {
            HttpSettings settings = new HttpSettings();
            settings.setAllowedHosts(List.of(wrong));
            assertThatThrownBy(settings::validate).as(wrong).hasMessageContaining("FLOWGATE_HTTP_ALLOWED_HOSTS");
        }
    }

    @Test
    void refusesADefaultTimeoutAboveTheMaximum() {
        HttpSettings settings = new HttpSettings();
        settings.setDefaultTimeout(Duration.ofMinutes(5));

        assertThatThrownBy(settings::validate).hasMessageContaining("FLOWGATE_HTTP_DEFAULT_TIMEOUT");
    }

    @Test
    void theBeanContextBuildsTheConnectorFromCommaSeparatedText() {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl("jdbc:h2:mem:http-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        // the payments sandbox starts with every context and needs a database
        try (HikariDataSource dataSource = new HikariDataSource(pool);
             ApplicationContext context = ApplicationContext.builder().singletons(dataSource)
                .properties(Map.of("flowgate.http.allowed-hosts", "a.example.com,*.b.example.com",
                        "flowgate.http.allow-private-networks", "true")).start()) {
            HttpRequestConnector connector = context.getBean(HttpRequestConnector.class);
            HttpSettings settings = context.getBean(HttpSettings.class);

            assertThat(connector.descriptor().id()).isEqualTo("http.request");
            assertThat(settings.getAllowedHosts()).containsExactly("a.example.com", "*.b.example.com");
            assertThat(settings.isAllowPrivateNetworks()).isTrue();
        }
    }
}
