package io.flowgate.gateway.auth.internal;

import io.micronaut.core.annotation.Nullable;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code token_revocations}: what every node must learn about revoked tokens, numbered by {@code seq}. A row names a
 * user whose tokens changed (created, deleted, new token generation) or one logged-out token by the SHA-256 of its
 * {@code jti}; rows are deleted once {@code expires_at} has passed.
 */
public final class RevocationTable {

    /**
     * One row.
     *
     * @param username set for a user whose tokens changed
     * @param tokenId  set for one revoked token: {@link #tokenId(String)} of its {@code jti}
     */
    public record Row(long seq, @Nullable String username, @Nullable String tokenId, Instant expiresAt) {
    }

    private final DataSource dataSource;

    public RevocationTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The key a {@code jti} is kept under: fixed length whatever the identity provider puts in it. */
    public static String tokenId(String jti) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(jti.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A user whose tokens changed, written in the transaction of the change. */
    public static void appendUser(Connection connection, String username, Instant expiresAt) throws SQLException {
        insert(connection, username, null, expiresAt);
    }

    /** One revoked token, in a transaction of its own. */
    public void appendToken(String tokenId, Instant expiresAt) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            insert(c, null, tokenId, expiresAt);
        }
    }

    /** Up to {@code limit} rows with a seq greater than {@code seq}, oldest first. */
    public List<Row> after(long seq, int limit) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT seq, username, token_id, expires_at "
                     + "FROM token_revocations WHERE seq > ? ORDER BY seq")) {
            s.setLong(1, seq);
            s.setMaxRows(limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant()));
                }
            }
        }
        return rows;
    }

    /** The highest seq there is; 0 when the table is empty. */
    public long lastSeq() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM token_revocations");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Deletes the rows that expired before {@code now}; returns how many. */
    public int purge(Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM token_revocations WHERE expires_at < ?")) {
            s.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            return s.executeUpdate();
        }
    }

    private static void insert(Connection connection, String username, String tokenId, Instant expiresAt)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO token_revocations (username, token_id, expires_at) VALUES (?, ?, ?)")) {
            s.setString(1, username);
            s.setString(2, tokenId);
            s.setObject(3, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC));
            s.executeUpdate();
        }
    }
}
