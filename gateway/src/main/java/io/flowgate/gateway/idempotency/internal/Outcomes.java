package io.flowgate.gateway.idempotency.internal;

import io.flowgate.gateway.idempotency.Reservation;
import io.flowgate.gateway.idempotency.StoredResponse;

import java.util.Optional;

/** What an existing, live key means for a new request; the same rule for every store. */
final class Outcomes {

    private Outcomes() {
    }

    static Reservation acquired() {
        return new Reservation(Reservation.Outcome.ACQUIRED, Optional.empty());
    }

    static Reservation inProgress() {
        return new Reservation(Reservation.Outcome.IN_PROGRESS, Optional.empty());
    }

    static Reservation of(String storedFingerprint, boolean running, StoredResponse response, String fingerprint) {
        if (!storedFingerprint.equals(fingerprint)) {
            return new Reservation(Reservation.Outcome.MISMATCH, Optional.empty());
        }
        if (running) {
            return inProgress();
        }
        return new Reservation(Reservation.Outcome.REPLAY, Optional.of(response));
    }
}
