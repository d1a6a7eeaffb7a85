package io.flowgate.contracts.internal.store;

import io.flowgate.contracts.Fixtures;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcContractStoreTest {

    @Test
    void migratesBesideOtherModulesTablesWithItsOwnHistory() throws SQLException {
        JdbcDataSource database = Fixtures.memoryDatabase();
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE engine_things (id INT PRIMARY KEY)");
        }

        new JdbcContractStore(database);
        new JdbcContractStore(database); // a second start migrates nothing

        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"version\", \"type\" FROM \"flyway_contracts_history\""
                     + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            StringBuilder applied = new StringBuilder();
            while (rs.next()) {
                applied.append(rs.getString(1)).append(':').append(rs.getString(2)).append(' ');
            }
            assertThat(applied.toString().strip()).isEqualTo("0:BASELINE 1:SQL");
        }
    }

    @Test
    void numbersVersionsPerNameAndContinuesAfterADelete() {
        ContractStore store = new JdbcContractStore(Fixtures.memoryDatabase());

        assertThat(store.append("a", "one", "1".repeat(64), 1).version()).isEqualTo(1);
        assertThat(store.append("b", "uno", "2".repeat(64), 1).version()).isEqualTo(1);
        assertThat(store.append("a", "two", "3".repeat(64), 2).version()).isEqualTo(2);
        assertThat(store.delete("a")).isTrue();
        assertThat(store.delete("a")).isFalse();
        assertThat(store.newestLive("a")).isEmpty();
        assertThat(store.live()).extracting(StoredVersion::name).containsExactly("b");

        StoredVersion third = store.append("a", "three", "4".repeat(64), 3);

        assertThat(third.version()).isEqualTo(3);
        assertThat(store.newestLive("a")).contains(third);
        assertThat(store.versions("a")).extracting(StoredVersion::operations).containsExactly(1, 2, 3);
        assertThat(store.source("a", 2)).contains("two");
        assertThat(store.source("a", 9)).isEmpty();
    }
}
