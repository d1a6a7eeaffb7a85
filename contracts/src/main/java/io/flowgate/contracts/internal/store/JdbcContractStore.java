package io.flowgate.contracts.internal.store;

import io.flowgate.contracts.ContractChangeListener;
import io.flowgate.contracts.ContractVersion;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link ContractStore} on the application's {@link DataSource} (H2 alone, PostgreSQL in a cluster). The schema is
 * migrated by Flyway from this module's own location into its own history table, so other modules can keep theirs
 * in the same database. Each write tells the {@link ContractChangeListener}s inside its transaction.
 */
@Singleton
public final class JdbcContractStore implements ContractStore {

    static final String MIGRATIONS = "classpath:db/migration/contracts";
    static final String HISTORY_TABLE = "flyway_contracts_history";

    private static final String VERSION_COLUMNS = "name, version, sha256, published_at, operation_count";

    private final DataSource dataSource;
    private final List<ContractChangeListener> listeners;

    public JdbcContractStore(DataSource dataSource) {
        this(dataSource, List.of());
    }

    @Inject
    public JdbcContractStore(DataSource dataSource, List<ContractChangeListener> listeners) {
        this.dataSource = dataSource;
        this.listeners = List.copyOf(listeners);
        migrate(dataSource);
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure(JdbcContractStore.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .table(HISTORY_TABLE)
                // other modules' tables may already be in the schema: start our own history at 0, then run V1
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    @Override
    public Optional<StoredVersion> newestLive(String name) {
        List<StoredVersion> rows = query("SELECT v." + VERSION_COLUMNS.replace(", ", ", v.")
                + " FROM contract_versions v JOIN contract_heads h ON h.name = v.name"
                + " AND h.latest_version = v.version WHERE h.deleted = FALSE AND h.name = ?", name);
        return rows.stream().findFirst();
    }

    @Override
    public List<StoredVersion> live() {
        return query("SELECT v." + VERSION_COLUMNS.replace(", ", ", v.")
                + " FROM contract_versions v JOIN contract_heads h ON h.name = v.name"
                + " AND h.latest_version = v.version WHERE h.deleted = FALSE ORDER BY v.name");
    }

    @Override
    public List<StoredVersion> versions(String name) {
        return query("SELECT " + VERSION_COLUMNS + " FROM contract_versions WHERE name = ? ORDER BY version", name);
    }

    @Override
    public Optional<String> source(String name, int version) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT source FROM contract_versions WHERE name = ? AND version = ?")) {
            s.setString(1, name);
            s.setInt(2, version);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreFailure("could not read contract " + name + " v" + version, e);
        }
    }

    @Override
    public StoredVersion append(String name, String source, String sha256, int operations) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                int version = nextVersion(c, name);
                StoredVersion stored = new StoredVersion(name, version, sha256, now, operations);
                insertVersion(c, stored, source);
                ContractVersion published = new ContractVersion(name, version, sha256, now, operations);
                for (ContractChangeListener listener : listeners) {
                    listener.published(c, published);
                }
                c.commit();
                return stored;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreFailure("could not store contract " + name, e);
        }
    }

    /** Locks the head row, so two nodes publishing the same name at once cannot take the same number. */
    private static int nextVersion(Connection c, String name) throws SQLException {
        Integer latest = null;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT latest_version FROM contract_heads WHERE name = ? FOR UPDATE")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    latest = rs.getInt(1);
                }
            }
        }
        int next = latest == null ? 1 : latest + 1;
        String sql = latest == null
                ? "INSERT INTO contract_heads (latest_version, deleted, deleted_at, name) VALUES (?, FALSE, NULL, ?)"
                : "UPDATE contract_heads SET latest_version = ?, deleted = FALSE, deleted_at = NULL WHERE name = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, next);
            s.setString(2, name);
            s.executeUpdate();
        }
        return next;
    }

    private static void insertVersion(Connection c, StoredVersion v, String source) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO contract_versions (name, version, source, sha256,"
                + " operation_count, published_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, v.name());
            s.setInt(2, v.version());
            s.setString(3, source);
            s.setString(4, v.sha256());
            s.setInt(5, v.operations());
            s.setObject(6, OffsetDateTime.ofInstant(v.publishedAt(), ZoneOffset.UTC));
            s.executeUpdate();
        }
    }

    @Override
    public boolean delete(String name) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                boolean deleted = markDeleted(c, name, now);
                if (deleted) {
                    for (ContractChangeListener listener : listeners) {
                        listener.deleted(c, name, now);
                    }
                }
                c.commit();
                return deleted;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreFailure("could not delete contract " + name, e);
        }
    }

    private static boolean markDeleted(Connection c, String name, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE contract_heads SET deleted = TRUE, deleted_at = ?"
                + " WHERE name = ? AND deleted = FALSE")) {
            s.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            s.setString(2, name);
            return s.executeUpdate() > 0;
        }
    }

    private List<StoredVersion> query(String sql, String... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            List<StoredVersion> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new StoredVersion(rs.getString(1), rs.getInt(2), rs.getString(3).strip(),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getInt(5)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreFailure("could not read contracts", e);
        }
    }
}
