package io.flowgate.connectors.events;

import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.connectors.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxTest {

    private final HikariDataSource pool = TestDatabase.pool(2);
    private final Outbox outbox = new Outbox(pool);

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void anEventCommitsAndRollsBackWithTheCallersTransaction() throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            Outbox.append(c, OutboxEvent.of("order.paid", "downtown", "o-1", Map.of("total", 12.5)));
            c.rollback();
            Outbox.append(c, OutboxEvent.of("order.paid", "downtown", "o-2", Map.of("total", 3)));
            c.commit();
        }

        assertThat(outbox.after(0, 10)).extracting(stored -> stored.event().subject()).containsExactly("o-2");
    }

    @Test
    void readsOnlyTheAskedTypesInSeqOrder() {
        outbox.append(OutboxEvent.of("contract.published", null, "shop", Map.of("version", 1)));
        outbox.append(OutboxEvent.of("order.paid", "downtown", "o-1", Map.of()));
        outbox.append(OutboxEvent.of("contract.deleted", null, "shop", Map.of()));

        List<StoredEvent> contracts = outbox.after(0, 10, List.of("contract.published", "contract.deleted"));

        assertThat(contracts).extracting(stored -> stored.event().type())
                .containsExactly("contract.published", "contract.deleted");
        assertThat(outbox.after(contracts.get(0).seq(), 10, List.of("contract.published"))).isEmpty();
        assertThat(outbox.after(0, 10, List.of())).isEmpty();
        assertThat(outbox.lastSeq()).isEqualTo(contracts.get(1).seq());
    }

    @Test
    void rendersACloudEvent() {
        OutboxEvent event = OutboxEvent.of("stock.low", null, "downtown/fries", Map.of("available", 4));

        assertThat(event.toCloudEvent()).containsEntry("specversion", "1.0").containsEntry("source", "/flowgate")
                .containsEntry("type", "stock.low").containsEntry("subject", "downtown/fries")
                .containsEntry("datacontenttype", "application/json").doesNotContainKey("tenant")
                .containsEntry("data", Map.of("available", 4));
        assertThat(event.family()).isEqualTo("stock");
    }
}
