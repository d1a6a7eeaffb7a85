package io.flowgate.gateway.users;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.flowgate.gateway.GatewayServer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Without FLOWGATE_ADMIN_PASSWORD the first admin gets a random password, logged once at WARN. */
class GeneratedAdminPasswordIT {

    static final Pattern LINE = Pattern.compile(
            "generated password for the first admin user 'admin': (\\S+); set FLOWGATE_ADMIN_PASSWORD to choose it");

    @Test
    void logsTheGeneratedPasswordOnceAndItLogsIn() {
        Logger logger = (Logger) LoggerFactory.getLogger(AdminBootstrap.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (GatewayServer gateway = GatewayServer.start(Map.of("flowgate.auth.bcrypt-cost", 10,
                "flowgate.auth.admin-password", "", "flowgate.example", false))) {
            List<String> lines = warnings(appender);
            assertThat(lines).hasSize(1);
            Matcher matcher = LINE.matcher(lines.get(0));
            assertThat(matcher.matches()).as(lines.get(0)).isTrue();
            String password = matcher.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);

            assertThat(UserAdminIT.login(gateway, "admin", password).status()).isEqualTo(200);

            gateway.restart();
            assertThat(warnings(appender)).as("logged once, not at every start").hasSize(1);
            assertThat(UserAdminIT.login(gateway, "admin", password).status()).isEqualTo(200);
        } finally {
            logger.detachAppender(appender);
        }
    }

    private static List<String> warnings(ListAppender<ILoggingEvent> appender) {
        return appender.list.stream().filter(e -> e.getLevel().toString().equals("WARN"))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }
}
