package io.flowgate.gateway.authz.internal;

import io.flowgate.gateway.authz.Grant;
import jakarta.inject.Singleton;
import io.flowgate.connectors.storage.ModuleSchema;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored grants, in the application's database. Migrated by Flyway from this package's own location into its own
 * history table, beside the other modules' tables.
 */
@Singleton
final class GrantStore {

    static final String FEATURE = "policies";

    private final DataSource dataSource;

    GrantStore(DataSource dataSource) {
        this.dataSource = dataSource;
        ModuleSchema.migrate(dataSource, FEATURE);
    }

    List<Grant> all() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT subject, role, domain FROM authz_grants ORDER BY domain, subject, role");
             ResultSet rs = s.executeQuery()) {
            List<Grant> grants = new ArrayList<>();
            while (rs.next()) {
                grants.add(new Grant(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
            return grants;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the grants", e);
        }
    }

    /** Deletes every grant and inserts these, in one transaction. */
    void replaceAll(List<Grant> grants) {
        replace(null, grants);
    }

    /** Deletes the grants of one domain and inserts these (all of that domain), in one transaction. */
    void replaceDomain(String domain, List<Grant> grants) {
        replace(domain, grants);
    }

    /**
     * Replaces the grants of one domain, or every grant ({@code domain} null). The first statement takes the writers'
     * row lock, so changes made on several nodes at once run one after the other, each against what is stored.
     */
    private void replace(String domain, List<Grant> grants) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement turn = c.prepareStatement(
                         "UPDATE authz_grant_writes SET version = version + 1 WHERE id = 1");
                 PreparedStatement delete = c.prepareStatement(domain == null ? "DELETE FROM authz_grants"
                         : "DELETE FROM authz_grants WHERE domain = ?");
                 PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO authz_grants (subject, role, domain) VALUES (?, ?, ?)")) {
                turn.executeUpdate();
                if (domain != null) {
                    delete.setString(1, domain);
                }
                delete.executeUpdate();
                for (Grant grant : grants) {
                    insert.setString(1, grant.subject());
                    insert.setString(2, grant.role());
                    insert.setString(3, grant.domain());
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the grants", e);
        }
    }
}
