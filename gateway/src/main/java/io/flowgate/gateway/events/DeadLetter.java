package io.flowgate.gateway.events;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;

/**
 * An event parked for one subscription after its last attempt failed; replaying it delivers it again (from a first
 * attempt).
 *
 * @param lastStatus the subscriber's last HTTP status, null when it did not answer
 * @param lastError  what went wrong on the last attempt
 * @param event      the CloudEvent JSON that is delivered (and signed)
 */
public record DeadLetter(String eventId, String type, String subject, int attempts, Integer lastStatus,
                         String lastError, Instant failedAt, @JsonRawValue String event) {
}
