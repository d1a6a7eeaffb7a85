package io.flowgate.contracts.internal.store;

import java.time.Instant;

/**
 * One stored version of a contract (without its source text).
 *
 * @param operations number of operations, kept so version lists need not parse old sources
 */
public record StoredVersion(String name, int version, String sha256, Instant publishedAt, int operations) {
}
