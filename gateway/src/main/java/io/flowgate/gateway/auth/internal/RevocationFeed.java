package io.flowgate.gateway.auth.internal;

import io.flowgate.gateway.cluster.OutboxCursor;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's view of {@code token_revocations}: the revoked tokens (by {@link RevocationTable#tokenId}) until they
 * expire, and the users whose cached token generation must be read again. {@link #round()} reads what is new; rows
 * are numbered when written, not when committed, so an {@link OutboxCursor} keeps looking below the newest row for
 * the gap timeout. The cursor starts at 0: the first round reads every row there is (rows are deleted once expired,
 * so that is what is revoked right now), which is also how a restarted node remembers earlier logouts.
 */
public final class RevocationFeed {

    private static final int PAGE = 1_000;
    /** How often expired rows are deleted (by every node: deleting what is already gone costs nothing). */
    static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final RevocationTable table;
    private final TokenGenerations generations;
    private final Clock clock;
    private final OutboxCursor cursor;
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private Instant nextPurge;

    public RevocationFeed(RevocationTable table, TokenGenerations generations, Duration gapTimeout, Clock clock) {
        this.table = table;
        this.generations = generations;
        this.clock = clock;
        this.cursor = new OutboxCursor(0, gapTimeout);
        this.nextPurge = clock.instant();
    }

    /** Whether the token was revoked (on any node, as far as this node has read). */
    public boolean revoked(String tokenId) {
        return revoked.containsKey(tokenId);
    }

    /** A token revoked on this node: refused here at once, before any round. */
    public void revokedHere(String tokenId, Instant expiresAt) {
        revoked.put(tokenId, expiresAt);
    }

    /** Reads the rows this node has not applied yet and applies them; drops what expired. */
    public synchronized void round() throws SQLException {
        Instant now = clock.instant();
        long last = table.lastSeq();
        for (RevocationTable.Row row : unseen()) {
            if (row.tokenId() != null) {
                revoked.put(row.tokenId(), row.expiresAt());
            }
            if (row.username() != null) {
                generations.evict(row.username());
            }
            cursor.handled(row.seq());
        }
        cursor.observed(last, now);
        revoked.values().removeIf(expiresAt -> expiresAt.isBefore(now));
        if (!now.isBefore(nextPurge)) {
            table.purge(now);
            nextPurge = now.plus(PURGE_EVERY);
        }
    }

    private List<RevocationTable.Row> unseen() throws SQLException {
        List<RevocationTable.Row> fresh = new ArrayList<>();
        long from = cursor.floor();
        List<RevocationTable.Row> page;
        do {
            page = table.after(from, PAGE);
            page.stream().filter(row -> cursor.isNew(row.seq())).forEach(fresh::add);
            from = page.isEmpty() ? from : page.get(page.size() - 1).seq();
        } while (page.size() == PAGE);
        return fresh;
    }
}
