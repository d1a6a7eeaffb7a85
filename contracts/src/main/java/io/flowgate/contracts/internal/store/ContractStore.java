package io.flowgate.contracts.internal.store;

import java.util.List;
import java.util.Optional;

/**
 * Where contract versions live. Every publish adds a version; deleting leaves a tombstone so the history stays and
 * a later publish under the same name continues the numbering.
 */
public interface ContractStore {

    /** The newest version of a live (not deleted) contract. */
    Optional<StoredVersion> newestLive(String name);

    /** Names of every live contract with its newest version. */
    List<StoredVersion> live();

    /** Every version of a contract, oldest first, deleted or not. */
    List<StoredVersion> versions(String name);

    Optional<String> source(String name, int version);

    /** Adds the next version (1 for a new name) and makes the contract live again if it was deleted. */
    StoredVersion append(String name, String source, String sha256, int operations);

    /** @return false when no live contract has this name */
    boolean delete(String name);
}
