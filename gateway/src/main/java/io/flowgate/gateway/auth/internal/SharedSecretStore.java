package io.flowgate.gateway.auth.internal;

import io.flowgate.gateway.users.UsersSchema;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

/**
 * The HS256 secret used when none is configured: generated once (256 random bits) and kept in the database, so a
 * restart, and every other node on the same database, signs and verifies with the same one.
 */
@Singleton
public final class SharedSecretStore {

    static final String NAME = "hs256";
    static final int SECRET_BYTES = 32;

    private final DataSource dataSource;

    public SharedSecretStore(UsersSchema schema) {
        this.dataSource = schema.dataSource();
    }

    /** The stored secret, created on first use. */
    public byte[] secret() {
        try (Connection c = dataSource.getConnection()) {
            Optional<byte[]> stored = read(c);
            if (stored.isPresent()) {
                return stored.get();
            }
            byte[] secret = new byte[SECRET_BYTES];
            new SecureRandom().nextBytes(secret);
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO auth_signing_secrets (name, secret, created_at) VALUES (?, ?, ?)")) {
                s.setString(1, NAME);
                s.setString(2, Base64.getEncoder().encodeToString(secret));
                s.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                s.executeUpdate();
                return secret;
            } catch (SQLException e) {
                // SQLState 23…: another node inserted its secret first; everyone uses that one
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    return read(c).orElseThrow(() -> e);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read or store the token signing secret", e);
        }
    }

    private static Optional<byte[]> read(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT secret FROM auth_signing_secrets WHERE name = ?")) {
            s.setString(1, NAME);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(Base64.getDecoder().decode(rs.getString(1))) : Optional.empty();
            }
        }
    }
}
