package io.flowgate.contracts;

import io.flowgate.contracts.internal.DefaultContractRegistry;
import io.flowgate.contracts.internal.store.JdbcContractStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store tells its {@link ContractChangeListener}s of every real change inside the change's transaction. The
 * listener here writes a row with the connection it is given, as the gateway's outbox writer does.
 */
class ContractChangesTest {

    private final JdbcDataSource database = Fixtures.memoryDatabase();
    private final RecordingListener listener = new RecordingListener();
    private DefaultContractRegistry registry;

    @BeforeEach
    void registry() throws SQLException {
        try (Connection c = database.getConnection()) {
            c.createStatement().execute("CREATE TABLE told (kind VARCHAR(20), name VARCHAR(100), version INT, "
                    + "sha256 VARCHAR(64), operations INT)");
        }
        registry = new DefaultContractRegistry(new JdbcContractStore(database, List.of(listener)), List.of());
    }

    @Test
    void tellsOfEachPublishedVersionWithItsChecksumAndOperations() {
        PublishReport first = registry.publish(Fixtures.read("orders.yaml"), null);
        registry.publish(Fixtures.read("orders.yaml"), null); // unchanged: nothing stored, nothing told

        assertThat(told()).containsExactly(
                "published restaurant-orders v1 " + first.contract().sha256() + " "
                        + first.contract().operations().size());
    }

    @Test
    void tellsOfADeleteOnce() {
        registry.publish(Fixtures.read("orders.yaml"), null);

        registry.delete("restaurant-orders");
        assertThatThrownBy(() -> registry.delete("restaurant-orders")).isInstanceOf(ContractNotFound.class);

        assertThat(told()).hasSize(2).last().isEqualTo("deleted restaurant-orders");
    }

    @Test
    void aRefusedPublishTellsNothing() {
        DefaultContractRegistry refusing = new DefaultContractRegistry(
                new JdbcContractStore(database, List.of(listener)),
                List.<BindingCheck>of(contract -> contract.operations().stream()
                        .map(op -> ContractFinding.of(op, "no flow deployed")).toList()));

        assertThatThrownBy(() -> refusing.publish(Fixtures.read("orders.yaml"), null))
                .isInstanceOf(ContractRejected.class);

        assertThat(told()).isEmpty();
    }

    @Test
    void aListenerThatFailsUndoesTheChangeAndWhatItWrote() {
        listener.failAfterWriting = true;

        assertThatThrownBy(() -> registry.publish(Fixtures.read("orders.yaml"), null))
                .hasRootCauseMessage("outbox unavailable");

        assertThat(told()).isEmpty();
        assertThat(registry.versions("restaurant-orders")).isEmpty();
        assertThat(registry.contracts()).isEmpty();
    }

    private List<String> told() {
        try (Connection c = database.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT kind, name, version, sha256, operations "
                     + "FROM told ORDER BY kind DESC")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1).equals("deleted") ? "deleted " + rs.getString(2)
                        : "published " + rs.getString(2) + " v" + rs.getInt(3) + " " + rs.getString(4) + " "
                        + rs.getInt(5));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class RecordingListener implements ContractChangeListener {

        volatile boolean failAfterWriting;

        @Override
        public void published(Connection connection, ContractVersion version) throws SQLException {
            write(connection, "published", version.name(), version.version(), version.sha256(),
                    version.operations());
        }

        @Override
        public void deleted(Connection connection, String name, Instant deletedAt) throws SQLException {
            assertThat(deletedAt).isBeforeOrEqualTo(Instant.now());
            write(connection, "deleted", name, 0, null, 0);
        }

        private void write(Connection c, String kind, String name, int version, String sha256, int operations)
                throws SQLException {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO told VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, kind);
                insert.setString(2, name);
                insert.setInt(3, version);
                insert.setString(4, sha256);
                insert.setInt(5, operations);
                insert.executeUpdate();
            }
            if (failAfterWriting) {
                throw new SQLException("outbox unavailable");
            }
        }
    }
}
