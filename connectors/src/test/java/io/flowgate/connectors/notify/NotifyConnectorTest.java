package io.flowgate.connectors.notify;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.connectors.ConnectorBusinessError;
import io.flowgate.connectors.ConnectorRequest;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotifyConnectorTest {

    private HikariDataSource pool;
    private NotificationStore store;
    private NotifyConnector notify;
    private final AtomicLong millis = new AtomicLong(Instant.parse("2026-01-01T12:00:00Z").toEpochMilli());

    @BeforeEach
    void start() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:notify-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setMaximumPoolSize(8);
        pool = new HikariDataSource(config);
        Clock ticking = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis.addAndGet(1000));
            }
        };
        store = new NotificationStore(pool, ticking);
        notify = new NotifyConnector(store, new NotifySettings());
    }

    @AfterEach
    void stop() {
        pool.close();
    }

    private static ConnectorRequest request(String instance, String activity, Map<String, Object> inputs) {
        return new ConnectorRequest(instance, activity, "order-1", null, new HashMap<>(inputs));
    }

    @Test
    void writesANotificationRecord() throws SQLException {
        Map<String, Object> out = notify.execute(request("inst-1", "notifyKitchen", Map.of("channel", "kitchen",
                "subject", "New order", "message", "2 x margherita", "data", Map.of("orderId", "o-1", "items", 2))));

        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, channel, subject, message, data, instance_id, activity_id, "
                     + "idempotency_key, created_at FROM notifications")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("id")).isEqualTo(out.get("notificationId"));
            assertThat(rs.getString("channel")).isEqualTo("kitchen");
            assertThat(rs.getString("subject")).isEqualTo("New order");
            assertThat(rs.getString("message")).isEqualTo("2 x margherita");
            assertThat(rs.getString("data")).contains("\"orderId\":\"o-1\"").contains("\"items\":2");
            assertThat(rs.getString("instance_id")).isEqualTo("inst-1");
            assertThat(rs.getString("activity_id")).isEqualTo("notifyKitchen");
            assertThat(rs.getString("idempotency_key")).isEqualTo("inst-1:notifyKitchen");
            assertThat(Instant.ofEpochMilli(rs.getLong("created_at")).toString()).isEqualTo(out.get("createdAt"));
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void aRedeliveredJobReturnsTheFirstRecordInsteadOfWritingASecond() {
        Map<String, Object> inputs = Map.of("channel", "kitchen", "subject", "New order");

        Map<String, Object> first = notify.execute(request("inst-1", "notifyKitchen", inputs));
        Map<String, Object> again = notify.execute(request("inst-1", "notifyKitchen", inputs));

        assertThat(again).isEqualTo(first);
        assertThat(store.recent(null, "kitchen", 10)).hasSize(1);
    }

    @Test
    void concurrentTwinsOfOneJobWriteOneRecord() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Object>> twins = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                twins.add(() -> notify.execute(request("inst-9", "notify", Map.of("channel", "kitchen",
                        "subject", "twin"))).get("notificationId"));
            }
            List<Object> ids = new ArrayList<>();
            for (Future<Object> id : threads.invokeAll(twins)) {
                ids.add(id.get());
            }
            assertThat(ids).containsOnly(ids.get(0));
            assertThat(store.recent(null, null, 100)).hasSize(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void recentListsTheNewestOfAChannelFirst() {
        for (int i = 1; i <= 5; i++) {
            notify.execute(request("inst-" + i, "notify", Map.of("channel", "kitchen", "subject", "order " + i)));
        }
        notify.execute(request("inst-6", "notify", Map.of("channel", "store-42", "subject", "low stock")));

        assertThat(store.recent(null, "kitchen", 3)).extracting(Notification::subject)
                .containsExactly("order 5", "order 4", "order 3");
        assertThat(store.recent(null, "store-42", 10)).singleElement()
                .satisfies(n -> assertThat(n.instanceId()).isEqualTo("inst-6"));
        assertThat(store.recent(null, null, 100)).hasSize(6).first()
                .satisfies(n -> assertThat(n.channel()).isEqualTo("store-42"));
        assertThat(store.recent(null, "nobody", 10)).isEmpty();
    }

    @Test
    void keepsTextDataThatIsJsonAsItIs() {
        notify.execute(request("inst-1", "n", Map.of("channel", "kitchen", "subject", "s",
                "data", "{\"a\":1}")));
        notify.execute(request("inst-2", "n", Map.of("channel", "kitchen", "subject", "s", "data", "plain")));

        assertThat(store.recent(null, "kitchen", 10)).extracting(Notification::data)
                .containsExactly("\"plain\"", "{\"a\":1}");
    }

    @Test
    void refusesMissingOrMalformedInputsWithoutWriting() {
        NotifySettings small = new NotifySettings();
        small.setMaxDataSize(16);
        NotifyConnector strict = new NotifyConnector(store, small);
        for (Map<String, Object> inputs : List.<Map<String, Object>>of(Map.of("subject", "s"),
                Map.of("channel", "kitchen"), Map.of("channel", "Kitchen Pass", "subject", "s"),
                Map.of("channel", "kitchen", "subject", "s", "message", "m".repeat(4001)),
                Map.of("channel", "kitchen", "subject", "s", "data", Map.of("text", "x".repeat(32))))) {
            assertThatThrownBy(() -> strict.execute(request("inst-1", "n", inputs))).as(inputs.toString())
                    .isInstanceOfSatisfying(ConnectorBusinessError.class,
                            e -> assertThat(e.code()).isEqualTo(NotifyConnector.INVALID_INPUT));
        }
        assertThat(store.recent(null, null, 10)).isEmpty();
    }

    @Test
    void theBeanContextBuildsTheConnectorFromTheApplicationsDataSource() {
        try (ApplicationContext context = ApplicationContext.builder().singletons(pool)
                .properties(Map.of("flowgate.notify.max-data-size", 1024)).start()) {
            assertThat(context.getBean(NotifyConnector.class).descriptor().id()).isEqualTo("notify");
            assertThat(context.getBean(NotifySettings.class).getMaxDataSize()).isEqualTo(1024);
            assertThat(context.getBean(NotificationStore.class).recent(null, "kitchen", 5)).isEmpty();
        }
    }
}
