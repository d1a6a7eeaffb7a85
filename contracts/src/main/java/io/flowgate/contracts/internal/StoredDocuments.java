package io.flowgate.contracts.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.ContractFinding;
import io.flowgate.contracts.ContractNotFound;
import io.flowgate.contracts.ContractRejected;
import io.flowgate.contracts.ContractVersionNotFound;
import io.flowgate.contracts.internal.load.DocumentRefused;
import io.flowgate.contracts.internal.load.SafeDocumentReader;
import io.flowgate.contracts.internal.store.ContractStore;
import io.flowgate.contracts.internal.store.StoredVersion;

import java.util.List;

/**
 * Stored versions of a contract read back as documents, with the limits of publishing, for reading old versions
 * (diffs, documentation). Deleted contracts keep their history, so their versions are found too.
 */
final class StoredDocuments {

    private final ContractStore store;
    private final SafeDocumentReader reader = new SafeDocumentReader();

    StoredDocuments(ContractStore store) {
        this.store = store;
    }

    /**
     * The version to read: the one named, or the newest stored when none is.
     *
     * @throws ContractNotFound        when no version is stored under the name
     * @throws ContractVersionNotFound when the named one is not
     */
    int version(String name, Integer version) {
        List<StoredVersion> versions = store.versions(name);
        if (versions.isEmpty()) {
            throw new ContractNotFound(name);
        }
        if (version == null) {
            return versions.stream().mapToInt(StoredVersion::version).max().orElseThrow();
        }
        if (versions.stream().noneMatch(stored -> stored.version() == version)) {
            throw new ContractVersionNotFound(name, version);
        }
        return version;
    }

    /** @throws ContractRejected when the stored text no longer passes the reader's limits */
    JsonNode read(String name, int version) {
        String source = store.source(name, version).orElseThrow(() -> new ContractVersionNotFound(name, version));
        try {
            return reader.read(source);
        } catch (DocumentRefused refused) {
            throw new ContractRejected(name, List.of(ContractFinding.ofDocument(name, "version " + version
                    + " cannot be read: " + refused.getMessage())));
        }
    }
}
