package io.flowgate.gateway.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * How far an in-memory reader of the outbox has got, tolerating rows that appear late. A row's seq is taken when
 * the row is written, not when its transaction commits, so a row below one already read can still turn up. The
 * reader therefore reads everything above {@link #floor()} each round and skips rows it has seen; the floor only
 * moves to a {@code lastSeq()} observed at least the gap timeout ago: every transaction that had written a row by
 * then has committed or rolled back since (or is taken as lost). Used for the outbox and for any other table whose
 * rows are numbered the same way (the token revocations).
 */
public final class OutboxCursor {

    private record Mark(Instant at, long lastSeq) {
    }

    private final Duration gapTimeout;
    private final Set<Long> seen = new HashSet<>();
    private final Deque<Mark> marks = new ArrayDeque<>();
    private long floor;

    /** @param start the seq everything up to which is known (e.g. lastSeq() at start-up) */
    public OutboxCursor(long start, Duration gapTimeout) {
        this.floor = start;
        this.gapTimeout = gapTimeout;
    }

    /** Read the rows above this. */
    public long floor() {
        return floor;
    }

    /** Whether the row was not handled yet. */
    public boolean isNew(long seq) {
        return seq > floor && !seen.contains(seq);
    }

    public void handled(long seq) {
        if (seq > floor) {
            seen.add(seq);
        }
    }

    /**
     * Records that the outbox's highest seq was {@code lastSeq} at {@code at} (read before the round's rows) and
     * moves the floor over what has had the gap timeout to settle.
     */
    public void observed(long lastSeq, Instant at) {
        marks.addLast(new Mark(at, lastSeq));
        Instant settled = at.minus(gapTimeout);
        while (!marks.isEmpty() && !marks.peekFirst().at().isAfter(settled)) {
            floor = Math.max(floor, marks.removeFirst().lastSeq());
        }
        seen.removeIf(seq -> seq <= floor);
    }

    /** Rows remembered above the floor (for tests and diagnostics). */
    int remembered() {
        return seen.size();
    }
}
