package io.flowgate.contracts;

import java.util.List;

/**
 * What changed between two versions of a contract, and whether a client written against the first may break
 * against the second. Operations are matched by method and path shape, so renaming a path variable changes an
 * operation rather than replacing it.
 *
 * <p>Breaking: an operation removed; a new required parameter, request body or request-body property; a parameter
 * or property that became required or changed type; a request media type dropped; a success response removed;
 * fewer callers allowed by {@code x-required-roles} (roles required where none were, or a role dropped from a list
 * that stays non-empty — holding any one listed role is enough to call) or by {@code x-public} turned off;
 * {@code x-flow-id} changed or removed; {@code x-flow-action} or {@code x-flow-mode} (sync/async) changed.
 * Listed but not breaking: operations added, optional additions, requirements relaxed, removals a client cannot
 * notice, more callers allowed, rate limits changed, success responses added, a path variable or operationId
 * renamed, an operation that answered 501 or its example ({@code x-flow-action: mock}) now running a flow, an
 * unrouted operation turned into a mock. Descriptions and summaries are ignored.
 *
 * @param name     contract name
 * @param from     the earlier version compared
 * @param to       the later version compared
 * @param breaking whether anything removed or changed is breaking
 * @param added    operations only in {@code to}, in its document order
 * @param removed  operations only in {@code from}, in its document order (always breaking)
 * @param changed  operations in both with at least one change, in {@code to}'s document order
 */
public record ContractDiff(String name, int from, int to, boolean breaking, List<OperationRef> added,
                           List<OperationRef> removed, List<OperationChanges> changed) {

    public ContractDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    /** How a diff names an operation: as declared in the version it comes from (the later one when in both). */
    public record OperationRef(String method, String path, String operationId) {
    }

    /** The changes of one operation present in both versions. */
    public record OperationChanges(OperationRef operation, List<Change> changes) {
        public OperationChanges {
            changes = List.copyOf(changes);
        }
    }

    /**
     * One change.
     *
     * @param field    what changed, e.g. {@code parameters.query.limit}, {@code parameters.query.limit.required},
     *                 {@code requestBody.customer.email.type}, {@code responses.201}, {@code x-required-roles}
     * @param from     the earlier value (text, boolean, list of roles, rate limit); null when it was absent
     * @param to       the later value; null when it is gone
     * @param breaking whether a client of the earlier version may fail against the later
     * @param detail   one sentence for people
     */
    public record Change(String field, Object from, Object to, boolean breaking, String detail) {
    }
}
