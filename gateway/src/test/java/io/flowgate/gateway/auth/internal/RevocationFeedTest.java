package io.flowgate.gateway.auth.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.connectors.testsupport.TestDatabase;
import io.flowgate.gateway.users.UsersSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** One node's reading of {@code token_revocations} on a real (in-memory H2) table. */
class RevocationFeedTest {

    private static final Duration GAP_TIMEOUT = Duration.ofMinutes(2);

    private final TestDatabase.MovableClock clock = new TestDatabase.MovableClock();
    private final HikariDataSource pool = TestDatabase.pool(4);
    private final RevocationTable table = new RevocationTable(new UsersSchema(pool).dataSource());
    private final List<String> loaded = new ArrayList<>();
    private final TokenGenerations generations = new TokenGenerations(username -> {
        loaded.add(username);
        return Optional.of(1L);
    }, clock);

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void learnsTokensRevokedAndUsersChangedElsewhere() throws SQLException {
        RevocationFeed feed = new RevocationFeed(table, generations, GAP_TIMEOUT, clock);
        generations.current("ada", 1);
        table.appendToken("token-1", clock.instant().plusSeconds(60));
        try (Connection c = pool.getConnection()) {
            RevocationTable.appendUser(c, "ada", clock.instant().plusSeconds(60));
        }

        feed.round();

        assertThat(feed.revoked("token-1")).isTrue();
        assertThat(feed.revoked("token-2")).isFalse();
        generations.current("ada", 1);
        assertThat(loaded).as("ada's generation was read again").containsExactly("ada", "ada");
    }

    @Test
    void aRestartedNodeStillRefusesTokensLoggedOutBefore() throws SQLException {
        table.appendToken("token-1", clock.instant().plusSeconds(60));

        RevocationFeed restarted = new RevocationFeed(table, generations, GAP_TIMEOUT, clock);
        restarted.round();

        assertThat(restarted.revoked("token-1")).isTrue();
    }

    @Test
    void readsARowThatCommitsLateBelowOnesAlreadyRead() throws SQLException {
        RevocationFeed feed = new RevocationFeed(table, generations, GAP_TIMEOUT, clock);
        insert(5, "token-5");
        feed.round();

        // seq 3 was taken before 5 but its transaction committed after the round
        insert(3, "token-3");
        feed.round();

        assertThat(feed.revoked("token-5")).isTrue();
        assertThat(feed.revoked("token-3")).isTrue();
    }

    @Test
    void forgetsAndDeletesWhatExpired() throws SQLException {
        RevocationFeed feed = new RevocationFeed(table, generations, GAP_TIMEOUT, clock);
        table.appendToken("short", clock.instant().plusSeconds(10));
        table.appendToken("long", clock.instant().plus(Duration.ofHours(1)));
        feed.round();

        clock.advance(RevocationFeed.PURGE_EVERY);
        feed.round();

        assertThat(feed.revoked("short")).isFalse();
        assertThat(feed.revoked("long")).isTrue();
        assertThat(TestDatabase.queryLong(pool, "SELECT COUNT(*) FROM token_revocations")).isEqualTo(1);
    }

    private void insert(long seq, String tokenId) {
        TestDatabase.execute(pool, "INSERT INTO token_revocations (seq, token_id, expires_at) VALUES (?, ?, ?)",
                seq, tokenId, OffsetDateTime.ofInstant(clock.instant().plusSeconds(60), ZoneOffset.UTC));
    }
}
