package io.flowgate.gateway.users.internal;

import io.flowgate.gateway.auth.Caller;
import io.flowgate.gateway.users.LastPlatformAdmin;
import io.flowgate.gateway.users.StoredUser;
import io.flowgate.gateway.users.User;
import io.flowgate.gateway.users.UserAlreadyExists;
import io.flowgate.gateway.users.UserNotFound;
import io.flowgate.gateway.users.UserStore;
import io.flowgate.gateway.users.UserTokenListener;
import io.flowgate.gateway.users.UsersSchema;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@link UserStore} on the application's database (H2 alone, PostgreSQL in a cluster). A user created, deleted or
 * given a new token generation is told to every {@link UserTokenListener}: inside the transaction, then after it.
 */
@Singleton
public final class JdbcUserStore implements UserStore {

    private static final String USER_COLUMNS =
            "username, password_hash, tenant, disabled, token_generation, created_at, updated_at";
    // locks every platform admin row: two nodes demoting the last two admins at once are serialized here
    private static final String LOCK_PLATFORM_ADMINS = "SELECT u.username FROM users u WHERE u.tenant IS NULL"
            + " AND u.disabled = FALSE"
            + " AND u.username IN (SELECT r.username FROM user_roles r WHERE r.role_name = ?) FOR UPDATE";

    private final DataSource dataSource;
    private final List<UserTokenListener> listeners;

    @Inject
    public JdbcUserStore(UsersSchema schema, List<UserTokenListener> listeners) {
        this.dataSource = schema.dataSource();
        this.listeners = List.copyOf(listeners);
    }

    /** A store nobody listens to (tests of the store alone). */
    public JdbcUserStore(UsersSchema schema) {
        this(schema, List.of());
    }

    @Override
    public Optional<StoredUser> find(String username) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, username, false);
        } catch (SQLException e) {
            throw new UserStoreFailure("could not read user " + username, e);
        }
    }

    @Override
    public List<User> list() {
        try (Connection c = dataSource.getConnection()) {
            Map<String, List<String>> roles = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT username, role_name FROM user_roles");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    roles.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            List<User> users = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT " + USER_COLUMNS + " FROM users ORDER BY username");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    users.add(row(rs, roles.getOrDefault(rs.getString(1), List.of())).user());
                }
            }
            return users;
        } catch (SQLException e) {
            throw new UserStoreFailure("could not list users", e);
        }
    }

    @Override
    public Optional<Long> tokenGeneration(String username) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT token_generation FROM users WHERE username = ? AND disabled = FALSE")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new UserStoreFailure("could not read the token generation of user " + username, e);
        }
    }

    @Override
    public void create(StoredUser stored) {
        User user = stored.user();
        // told too: a node may have cached that no such user exists
        inTransaction("could not create user " + user.username(), user.username(), c -> {
            if (find(c, user.username(), true).isPresent()) {
                throw new UserAlreadyExists(user.username());
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO users (" + USER_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, user.username());
                s.setString(2, stored.passwordHash());
                s.setString(3, user.tenant());
                s.setBoolean(4, user.disabled());
                s.setLong(5, stored.tokenGeneration());
                s.setObject(6, OffsetDateTime.ofInstant(user.createdAt(), ZoneOffset.UTC));
                s.setObject(7, OffsetDateTime.ofInstant(user.updatedAt(), ZoneOffset.UTC));
                s.executeUpdate();
            } catch (SQLException e) {
                if (isDuplicate(e)) {
                    throw new UserAlreadyExists(user.username());
                }
                throw e;
            }
            insertRoles(c, user);
            return true;
        });
    }

    @Override
    public void update(StoredUser stored, Predicate<User> inScope) {
        User user = stored.user();
        inTransaction("could not update user " + user.username(), user.username(), c -> {
            List<String> admins = lockPlatformAdmins(c);
            StoredUser current = find(c, user.username(), true).filter(found -> inScope.test(found.user()))
                    .orElseThrow(() -> new UserNotFound(user.username()));
            if (current.user().platformAdmin() && !user.platformAdmin() && admins.size() <= 1) {
                throw new LastPlatformAdmin(user.username());
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE users SET password_hash = ?, tenant = ?, "
                    + "disabled = ?, token_generation = ?, updated_at = ? WHERE username = ?")) {
                s.setString(1, stored.passwordHash());
                s.setString(2, user.tenant());
                s.setBoolean(3, user.disabled());
                s.setLong(4, stored.tokenGeneration());
                s.setObject(5, OffsetDateTime.ofInstant(user.updatedAt(), ZoneOffset.UTC));
                s.setString(6, user.username());
                s.executeUpdate();
            }
            deleteRoles(c, user.username());
            insertRoles(c, user);
            return stored.tokenGeneration() != current.tokenGeneration();
        });
    }

    @Override
    public void renewTokenGeneration(String username, long generation) {
        inTransaction("could not renew the token generation of user " + username, username, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE users SET token_generation = ? WHERE username = ?")) {
                s.setLong(1, generation);
                s.setString(2, username);
                if (s.executeUpdate() == 0) {
                    throw new UserNotFound(username);
                }
            }
            return true;
        });
    }

    @Override
    public void delete(String username, Predicate<User> inScope) {
        inTransaction("could not delete user " + username, username, c -> {
            List<String> admins = lockPlatformAdmins(c);
            StoredUser current = find(c, username, true).filter(found -> inScope.test(found.user()))
                    .orElseThrow(() -> new UserNotFound(username));
            if (current.user().platformAdmin() && admins.size() <= 1) {
                throw new LastPlatformAdmin(username);
            }
            deleteRoles(c, username);
            try (PreparedStatement s = c.prepareStatement("DELETE FROM users WHERE username = ?")) {
                s.setString(1, username);
                s.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public boolean anyWithRole(String role) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT 1 FROM user_roles WHERE role_name = ?")) {
            s.setMaxRows(1);
            s.setString(1, role);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new UserStoreFailure("could not look for role " + role, e);
        }
    }

    private static Optional<StoredUser> find(Connection c, String username, boolean lock) throws SQLException {
        StoredUser found = null;
        try (PreparedStatement s = c.prepareStatement("SELECT " + USER_COLUMNS + " FROM users WHERE username = ?"
                + (lock ? " FOR UPDATE" : ""))) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    found = row(rs, roles(c, username));
                }
            }
        }
        return Optional.ofNullable(found);
    }

    private static List<String> roles(Connection c, String username) throws SQLException {
        List<String> roles = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT role_name FROM user_roles WHERE username = ?")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    roles.add(rs.getString(1));
                }
            }
        }
        return roles;
    }

    private static StoredUser row(ResultSet rs, List<String> roles) throws SQLException {
        User user = new User(rs.getString(1), roles, rs.getString(3), rs.getBoolean(4),
                rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getObject(7, OffsetDateTime.class).toInstant());
        return new StoredUser(user, rs.getString(2), rs.getLong(5));
    }

    private static List<String> lockPlatformAdmins(Connection c) throws SQLException {
        List<String> admins = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(LOCK_PLATFORM_ADMINS)) {
            s.setString(1, Caller.ADMIN_ROLE);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    admins.add(rs.getString(1));
                }
            }
        }
        return admins;
    }

    private static void insertRoles(Connection c, User user) throws SQLException {
        if (user.roles().isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO user_roles (username, role_name) VALUES (?, ?)")) {
            for (String role : user.roles()) {
                s.setString(1, user.username());
                s.setString(2, role);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void deleteRoles(Connection c, String username) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM user_roles WHERE username = ?")) {
            s.setString(1, username);
            s.executeUpdate();
        }
    }

    /** SQLState class 23: integrity constraint violation (H2 and PostgreSQL both answer 23505 for a duplicate). */
    static boolean isDuplicate(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    /**
     * Runs {@code work} in one transaction; when it answers true (the user's tokens changed), the listeners write
     * their part in the same transaction and are told again once it committed.
     */
    private void inTransaction(String failure, String username, SqlWork work) {
        boolean tokensChanged;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                tokensChanged = work.run(c);
                if (tokensChanged) {
                    for (UserTokenListener listener : listeners) {
                        listener.tokensChanging(c, username);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new UserStoreFailure(failure, e);
        }
        if (tokensChanged) {
            listeners.forEach(listener -> listener.tokensChanged(username));
        }
    }

    /** Work on the user; answers whether the user's tokens changed. */
    @FunctionalInterface
    private interface SqlWork {
        boolean run(Connection c) throws SQLException;
    }
}
