package io.flowgate.contracts;

import java.time.Instant;

/** One stored version of a contract. */
public record ContractVersion(String name, int version, String sha256, Instant publishedAt, int operations) {
}
