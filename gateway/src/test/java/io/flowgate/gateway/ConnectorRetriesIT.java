package io.flowgate.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.gateway.GatewayServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camunda runs jobs at least once: a connector whose side effect committed but whose job failed afterwards is run
 * again. The retries below go through the real job executor and the real inventory tables.
 */
class ConnectorRetriesIT {

    private static GatewayServer gateway;
    private static DataSource db;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start();
        assertThat(gateway.deployFlow("reserve-with-crashes.bpmn").status()).isEqualTo(201);
        assertThat(gateway.publishContract("/io/flowgate/gateway/crash-shop.yaml").status()).isEqualTo(201);
        db = gateway.context().getBean(DataSource.class);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void aConnectorThatFailsTwiceThenSucceedsHoldsTheStockOnce() throws Exception {
        long reservedBefore = reserved("downtown", "salad");

        // downtown is a store of the tenant bistro: only its flows reserve there
        GatewayServer cook = gateway.as(gateway.createUser("retries-cook", Restaurant.BISTRO, "store-manager"));
        Reply accepted = cook.postJson("/crashy-reservations",
                "{\"store\":\"downtown\",\"items\":[{\"sku\":\"salad\",\"qty\":3}]}");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String instanceId = accepted.json().path("instanceId").asText();

        JsonNode status = gateway.awaitEnded(instanceId, Duration.ofSeconds(60));

        assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("COMPLETED");
        assertThat(CrashAfterReserveConnector.ATTEMPTS.get(instanceId + ":reserve").get())
                .as("two crashed attempts and the one that succeeded").isEqualTo(3);
        assertThat(reserved("downtown", "salad")).as("held once").isEqualTo(reservedBefore + 3);
        assertThat(count("SELECT COUNT(*) FROM stock_reservations WHERE idem_key LIKE ?", "%" + instanceId + "%"))
                .isEqualTo(1);
    }

    private static long reserved(String store, String sku) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT reserved FROM stock WHERE store = ? AND sku = ?")) {
            s.setString(1, store);
            s.setString(2, sku);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }

    private static long count(String sql, String parameter) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
