package io.flowgate.gateway.idempotency;

import java.util.Optional;

/**
 * What {@link IdempotencyStore#reserve} found.
 *
 * @param outcome  see {@link Outcome}
 * @param response the stored response, for {@link Outcome#REPLAY}
 */
public record Reservation(Outcome outcome, Optional<StoredResponse> response) {

    public enum Outcome {
        /** First use of the key: execute, then {@code complete}. */
        ACQUIRED,
        /** Same key, same request, finished: replay the stored response. */
        REPLAY,
        /** Same key, different request: 422. */
        MISMATCH,
        /** Same key while the first request is still running: 409. */
        IN_PROGRESS
    }
}
