package io.flowgate.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.contracts.triggers.LiveTrigger;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The live contracts and the immutable route table built from them. Publishing parses, checks and stores a new
 * version and swaps the table atomically; a request only looks a route up.
 */
public interface ContractRegistry {

    /**
     * Parses, checks and publishes a contract; its operations are live when this returns.
     *
     * @param source       OpenAPI 3.0 / 3.1 document, YAML or JSON
     * @param nameOverride contract name to use instead of the document's, may be null
     * @throws ContractRejected with every finding; nothing is published then
     */
    PublishReport publish(String source, String nameOverride);

    /** Same checks as {@link #publish} without publishing. Never throws for a bad document: findings say it. */
    PublishReport check(String source, String nameOverride);

    /**
     * Loads the newest stored version of every contract and the files of a directory, at start-up. Called again
     * without a directory (and with {@code startAnyway}), it reloads what another node changed in the store.
     */
    StartupReport load(java.nio.file.Path contractsDirectory, boolean startAnyway);

    /** Re-runs the binding checks over every live contract (after a flow deploy) and marks failing routes. */
    List<ContractFinding> recheck();

    /** The route for a request, if any contract declares the method and path. */
    Optional<RouteMatch> match(String method, String path);

    /** Methods declared for a path (for 405 answers); empty when no contract declares the path. */
    Set<String> allowedMethods(String path);

    List<ContractView> contracts();

    Optional<ContractView> contract(String name);

    List<ContractVersion> versions(String name);

    Optional<String> source(String name, int version);

    /**
     * What changed from one stored version of a contract to another, deleted contracts' history included.
     *
     * @param to the later version; null = the newest stored
     * @throws ContractNotFound        when no version is stored under the name
     * @throws ContractVersionNotFound when one of the versions is not
     */
    ContractDiff diff(String name, int from, Integer to);

    /**
     * A stored version's OpenAPI document as JSON, read with the same limits as publishing, its local
     * {@code $ref}s replaced by what they point at (a reference back into itself stays a {@code $ref}), every
     * {@code x-} extension kept: what a documentation renderer can show without resolving anything.
     *
     * @param version null = the newest stored
     * @throws ContractNotFound        when no version is stored under the name
     * @throws ContractVersionNotFound when that version is not
     */
    JsonNode openApiDocument(String name, Integer version);

    /** Every live operation bound to the flow (for the flow's "used by" list and deploy checks). */
    List<Operation> operationsUsing(String flowKey);

    /**
     * Every {@code x-flow-triggers} entry of the live contracts (by contract name, then in document order), each with
     * why it may not run. Changes with {@link #generation()}: whoever consumes records for them re-reads it then.
     */
    default List<LiveTrigger> triggers() {
        return List.of();
    }

    /** @throws ContractNotFound when no live contract has this name */
    void delete(String name);

    /**
     * A counter that changes whenever the live contracts (and so the route table) are swapped: publish, delete,
     * load, recheck. Cheap to read on every request; those who derive state from the contracts (the authorizer's
     * policies) rebuild when it moves.
     */
    long generation();
}
